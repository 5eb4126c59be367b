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
  /** Wall-clock budget for reading one file, in milliseconds. */
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
 * - maxMillis 30 s: the largest legitimate workbook reads in a few seconds.
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
