// Output safety: makes cell text that a spreadsheet would execute inert (OWASP CSV injection), and keeps xlsx text valid XML.
//
// Decisions (DOMAIN §8 phones, issue 7):
// - CSV: a field that begins with = + - @ TAB or CR gets a leading apostrophe ('), as OWASP recommends. Excel and WPS
//   then show it as text. This applies to "+86 139…" too: a leading + is a formula start in Excel, so the safe choice is
//   the prefix (the clerk sees '+86 139… — the number is intact). Landlines such as 0745-3221234 and ranges such as 9-12
//   do not START with a formula character and are left exactly as they are. Numbers written as numbers (-5 in a count
//   column) are not text and are not touched: neutralizeCsvField passes them through.
// - xlsx: fupin writes user text as string cells, which Excel, WPS and LibreOffice never evaluate, so the text is kept
//   exactly as typed (no apostrophe); the writers never write user text as a formula. xlsxText only removes characters
//   XML 1.0 cannot carry (a NUL in a register would otherwise make the whole workbook unreadable).

/** The characters that make a spreadsheet treat the start of a cell as a formula (OWASP). */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** True when a spreadsheet program could read this text as a formula (or a DDE command). */
export function startsLikeFormula(text: string): boolean {
  return text.length > 0 && FORMULA_START.has(text[0]!);
}

/** A text cell for CSV output: prefixed with ' when it would start a formula, else unchanged. */
export function neutralizeCell(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/** A CSV field: numbers (and empty values) pass through, text is neutralised. */
export function neutralizeCsvField(value: string | number | null | undefined): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  return neutralizeCell(value);
}

// Control characters XML 1.0 forbids (TAB, LF and CR are allowed), the non-characters U+FFFE/U+FFFF, and lone surrogates.
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text for an xlsx string cell: as typed, minus characters an xlsx file cannot hold. Never a formula: the caller writes it as a string. */
export function xlsxText(text: string): string {
  return text.replace(XML_INVALID, '');
}
