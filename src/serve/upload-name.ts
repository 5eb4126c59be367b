// A file name sent by the page (a file's name, or a folder upload's relative path such as 怀化市/溆浦县.xlsx) as the
// parts of a path inside the batch folder — pure, no I/O. Separators are `/` or `\`; `.` and empty parts are dropped;
// a `..` part refuses the whole name (never outside the batch folder); what Windows cannot store is replaced by `_`
// (control characters, <>:"|?*, trailing dots and spaces), reserved device names (CON, NUL, COM1, LPT1 …) get a `_`
// in front, and each part is kept under MAX_PART characters with its extension.

export const MAX_PARTS = 12;
export const MAX_PART = 120;

const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/iu;

function part(raw: string): string {
  let s = raw.normalize('NFC').replace(/[\u0000-\u001f\u007f<>:"|?*]/gu, '_').replace(/[. ]+$/u, '');
  if (s === '') s = '_';
  if (RESERVED.test(s)) s = `_${s}`;
  const chars = [...s];
  if (chars.length > MAX_PART) {
    const dot = s.lastIndexOf('.');
    const ext = dot > 0 && s.length - dot <= 10 ? [...s.slice(dot)] : [];
    s = [...chars.slice(0, MAX_PART - ext.length), ...ext].join('');
  }
  return s;
}

/** The parts of a safe relative path, or undefined when the name cannot be used (empty, `..`, too deep). */
export function uploadPath(name: string): string[] | undefined {
  const parts = name.split(/[\\/]/u).filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.length > MAX_PARTS) return undefined;
  if (parts.some((p) => p.trim() === '..')) return undefined;
  return parts.map(part);
}

/** `name (2).xlsx`, `name (3).xlsx` …: the n-th free name for a file whose name is taken. */
export function numbered(name: string, n: number): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (${n})${name.slice(dot)}` : `${name} (${n})`;
}
