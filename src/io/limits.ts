// Limits on what a file may make fupin do: every reader checks them and refuses with the name of the limit hit.

export interface ReadLimits {
  /** Bytes of the file itself. */
  maxFileBytes: number;
  /** Total uncompressed bytes of the parts of a zip (xlsx) that are read. */
  maxUncompressedBytes: number;
  /** Uncompressed / compressed size of any one zip entry (zip bombs compress 1000:1 and more). */
  maxCompressionRatio: number;
  /** Non-empty cells in one workbook. */
  maxCells: number;
  /** Merged ranges in one sheet, and cells covered by them. */
  maxMerges: number;
  maxMergedCells: number;
  /** Defined names, and cells a defined name may cover. */
  maxDefinedNames: number;
  /** Characters in one cell. */
  maxCellChars: number;
  /** How long reading one file may go without progress (ProgressGuard), in milliseconds: not a budget for the whole file. */
  maxMillis: number;
}

/**
 * Chosen so that a province's real registers (a few thousand rows each, 50k at the very most) pass with room to
 * spare while a crafted file is refused in well under a second and a whole folder of them stays under 1 GiB:
 * - maxUncompressedBytes 512 MiB: a 50k-row register is 11 MiB of XML; Excel's largest sheet (1M rows × 10
 *   columns) is ~400 MiB. 1 GiB would let one file's parts alone fill the 1 GiB memory budget.
 * - maxCompressionRatio 500: the largest ratio in the SheetJS corpus is 121:1 (large_strings.xlsx), a 50k-row
 *   register 8:1; deflate cannot exceed ~1032:1, which is what bombs use. Checked for parts over 1 MiB only.
 * - maxCells 5,000,000: ~100 bytes of memory per cell read, so ~500 MiB at the limit; 100× a large register.
 *   Each row counts 1 plus its width up to its last cell, so far-away stray cells count as what they cost.
 * - maxMerges 100,000 per sheet, maxMergedCells 1,000,000 covered in all: a form merges a few title rows.
 * - maxCellChars 32,767: Excel's own limit for one cell.
 * - maxMillis 30 s without progress: a reader moves on (a chunk, a few thousand records or cells) every few tens of
 *   milliseconds even on a loaded machine, so 30 s of none is a hang or a parser spinning; the whole file may take as
 *   long as its size needs. (The .xls/.ods/.xlsb worker, whose library reports no progress, keeps it as a deadline.)
 */
export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 512 * 1024 * 1024,
  maxCompressionRatio: 500,
  maxCells: 5_000_000,
  maxMerges: 100_000,
  maxMergedCells: 1_000_000,
  maxDefinedNames: 10_000,
  maxCellChars: 32_767,
  maxMillis: 30_000,
};

/** A limit was hit: the reader stops and the file gets one problem naming the limit and how to raise it. */
export class LimitExceeded extends Error {
  constructor(
    readonly limit: keyof ReadLimits,
    readonly actual: number,
    readonly allowed: number,
  ) {
    super(`${limit}: ${actual} > ${allowed}`);
    this.name = 'LimitExceeded';
  }
}

/**
 * The time limit (maxMillis) as a guard against no progress, not against size: a reader calls `progress()` whenever it
 * has moved on (a chunk of bytes read, a batch of records or cells parsed) and the guard trips only when the time since
 * the previous progress is over the limit — a hang, a bomb that makes a parser spin, a runaway repair loop. A file that
 * keeps moving is never stopped however long it takes in all (a big register on a busy machine), and a reader that
 * trips stops where it is: nothing is read again.
 */
export class ProgressGuard {
  private last: number;

  constructor(
    readonly maxMillis: number,
    private readonly now: () => number = Date.now,
  ) {
    this.last = now();
  }

  /** Progress was made: throws LimitExceeded('maxMillis', the gap) when the gap since the previous progress is over the limit. */
  progress(): void {
    const t = this.now();
    const gap = t - this.last;
    if (gap > this.maxMillis) throw new LimitExceeded('maxMillis', gap, this.maxMillis);
    this.last = t;
  }

  /**
   * Waits for `work` (a read that may never come back: a stalled network share), at most the limit: a wait with no
   * progress for that long rejects with LimitExceeded('maxMillis'). When it comes back in time, that is progress.
   */
  async wait<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LimitExceeded('maxMillis', this.maxMillis + 1, this.maxMillis)), this.maxMillis);
      timer.unref?.();
    });
    try {
      const out = await Promise.race([work, stalled]);
      this.progress();
      return out;
    } finally {
      clearTimeout(timer);
    }
  }
}
