// The messages between fupin and its legacy-format worker (src/io/legacy-worker.ts): plain data both ways.

/** A cell as SheetJS typed it: [t ('n' number, 's' text, 'b' boolean, 'e' error code, 'd' ISO date), value, format]. */
export type PlainCell = [type: string, value: string | number | boolean, format?: string];

export interface PlainSheet {
  name: string;
  /** A worksheet, or a sheet that holds no register. */
  kind: 'sheet' | 'chart' | 'macro' | 'dialog';
  hidden: boolean;
  /** Rows by 0-based index; holes are empty rows and cells. */
  rows: (PlainCell | undefined)[][];
  /** Merged ranges, four numbers each: top, left, bottom, right (0-based, inclusive). */
  merges: number[];
}

export interface PlainBook {
  date1904: boolean;
  sheets: PlainSheet[];
}

export interface WorkerRequest {
  id: number;
  /** `read`: the cells as plain data; `xlsx`: the workbook written again as .xlsx (for annotated and fixed copies). */
  job: 'read' | 'xlsx';
  bytes: Uint8Array;
  limits: { maxCells: number; maxCellChars: number; maxMerges: number };
}

export type WorkerReply =
  | { id: number; ok: true; book: PlainBook }
  | { id: number; ok: true; xlsx: Uint8Array }
  | {
      id: number;
      ok: false;
      error: { code: 'encrypted' | 'corrupt' | 'limit'; detail: string; limit?: 'maxCells' | 'maxCellChars' | 'maxMerges'; actual?: number; allowed?: number };
    };
