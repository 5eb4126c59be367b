// A progress bar on stderr while many files are read; silent when stderr is not a terminal.
import type { Lang } from '../core/model.js';
import type { CliIO } from './io.js';

const MIN_FILES = 8;

export function progress(io: CliIO, lang: Lang): { tick: (done: number, total: number, file: string) => void; done: () => void } {
  if (!io.stderrIsTTY) return { tick: () => undefined, done: () => undefined };
  let shown = false;
  let last = 0;
  return {
    tick(done, total, file) {
      if (total < MIN_FILES) return;
      const now = Date.now();
      if (done < total && now - last < 80) return;
      last = now;
      const width = 24;
      const filled = Math.round((done / total) * width);
      const label = lang === 'zh' ? '读取' : 'reading';
      const name = [...file].slice(-30).join('');
      io.stderr(`\r\x1b[2K${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${name}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}
