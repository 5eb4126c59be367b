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

/** Chosen so that a province's real registers (a few thousand rows each) pass with room to spare. */
export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 200 * 1024 * 1024,
  maxUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxCells: 20_000_000,
  maxMerges: 100_000,
  maxMergedCells: 1_000_000,
  maxDefinedNames: 10_000,
  maxCellChars: 32_767,
  maxMillis: 60_000,
};

/** A limit was hit: the reader stops and the file gets one problem naming the limit and how to raise it. */
export class LimitExceeded extends Error {
  constructor(
    readonly limit: keyof ReadLimits,
    readonly actual: number,
    readonly allowed: number,
  ) {
    super(`${limit}: ${actual} > ${allowed}`);
  }
}
