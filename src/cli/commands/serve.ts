// fupin serve: the checking page on this computer (src/serve): the URL with its token on the first line of stdout, the
// browser opened unless --no-open, until Ctrl-C or the console window closes.
import { openBrowser } from '../../io/open-browser.js';
import { serveUntilStopped } from '../../serve/run.js';
import { usage } from '../errors.js';
import { profileFor, type ReadingFlags } from '../ledger.js';
import type { CommandFn } from './index.js';

interface ServeFlags extends ReadingFlags {
  port: string;
  open: boolean;
}

const serve: CommandFn = async (_args, raw, ctx) => {
  const flags = raw as ServeFlags;
  const port = Number(flags.port);
  if (!/^\d+$/.test(String(flags.port)) || port > 65535) throw usage('serve/bad-port', { value: String(flags.port) });
  // an unknown --province is refused now, not at the first check
  await profileFor(flags.province);
  const { port: _p, open, ...reading } = flags;
  return serveUntilStopped({
    io: ctx.io,
    lang: ctx.lang,
    port,
    flags: reading,
    style: 'serve',
    ...(open !== false ? { open: (url: string) => void openBrowser(url, ctx.io.env) } : {}),
  });
};

export default serve;
