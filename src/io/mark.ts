// Marks a workbook fupin writes as fupin's output (core/ledger/own-output.ts): the keywords Excel and WPS keep on re-save.
import { markText, type OutputKind } from '../core/ledger/own-output.js';

/** What exceljs's Workbook has for document properties. */
interface Properties {
  keywords: string;
  category: string;
  creator: string;
}

/** Sets the mark (and the creator) on a workbook about to be written; `source`: the register it was made from. */
export function markWorkbook(wb: unknown, kind: OutputKind, source?: string): void {
  const w = wb as Properties;
  w.keywords = markText(kind, source);
  w.category = 'fupin';
  if (!w.creator) w.creator = 'fupin';
}
