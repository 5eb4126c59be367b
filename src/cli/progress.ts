// A progress bar on stderr while many files are read; silent when stderr is not a terminal. One line, never wider than
// the terminal (a wrapped line would not be overwritten by the next one).
import type { Lang } from '../core/model.js';
import { render } from '../formatters/catalogue/index.js';
import { displayWidth, truncateWidth } from '../formatters/text-width.js';
import type { CliIO } from './io.js';

const MIN_FILES = 8;
const BAR = 24;

export interface Progress {
  /** A file was read (shown from MIN_FILES files on). */
  tick: (done: number, total: number, file: string) => void;
  /** Rows read so far in one large file (read as a stream). */
  rows: (file: string, n: number) => void;
  done: () => void;
}

export function progress(io: CliIO, lang: Lang): Progress {
  if (!io.stderrIsTTY) return { tick: () => undefined, rows: () => undefined, done: () => undefined };
  let shown = false;
  let last = 0;
  const label = render({ id: 'cli/reading' }, lang);
  return {
    tick(done, total, file) {
      if (total < MIN_FILES) return;
      const now = Date.now();
      if (done < total && now - last < 80) return;
      last = now;
      const columns = io.columns > 0 ? io.columns : 80;
      // the bar shrinks on a narrow terminal; the file name gets what is left (its end: the county's name)
      const bar = Math.max(8, Math.min(BAR, columns - 40));
      const filled = Math.round((done / total) * bar);
      const head = `${label} [${'█'.repeat(filled)}${'░'.repeat(bar - filled)}] ${done}/${total} `;
      const room = columns - 1 - displayWidth(head);
      const name = room >= 6 ? tail(file, room) : '';
      io.stderr(`\r\x1b[2K${truncateWidth(head + name, columns - 1)}`);
      shown = true;
    },
    rows(file, n) {
      const now = Date.now();
      if (now - last < 200) return;
      last = now;
      const columns = io.columns > 0 ? io.columns : 80;
      io.stderr(`\r\x1b[2K${truncateWidth(render({ id: 'cli/reading-rows', data: { file: tail(file, Math.max(10, columns - 30)), n } }, lang), columns - 1)}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

/** The end of `s` within `room` display columns (…county.xlsx rather than the ledger folder's name). */
function tail(s: string, room: number): string {
  if (displayWidth(s) <= room) return s;
  const chars = [...s];
  let out = '';
  for (let i = chars.length - 1; i >= 0; i--) {
    if (displayWidth(`…${chars[i]}${out}`) > room) break;
    out = chars[i] + out;
  }
  return `…${out}`;
}
