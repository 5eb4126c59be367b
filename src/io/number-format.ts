// Number formats as Excel applies them to a cell: which section of the code a value falls in, and whether that section
// shows a date, a time of day or a duration — then the value's text as a clerk sees it (2016-09-12, 16:30:00, 26:31:45).
//
// Decisions (what Excel shows, written the one way fupin writes each kind):
// - A date is YYYY-MM-DD, with " HH:MM:SS" only when its section shows a time too; a time of day is HH:MM:SS (the
//   date part of the serial is not shown, as in Excel); a duration ([h]:mm, [mm]:ss, [s]) is the elapsed time in the
//   format's largest unit: 26:31:45, 1591:45, 95505. Seconds are rounded, not cut (15:59:59.9999998 is 16:00:00);
//   sub-seconds are kept when the format shows them (ss.0 → 10:10:10.5).
// - Serial 0 in the 1900 system is Excel's "1900-01-00", serial 60 its phantom 1900-02-29. A negative value in a date
//   or time section shows as ##### in the 1900 system: fupin then keeps the number (undefined here). In the 1904
//   system Excel shows it with a minus sign, and so does fupin. Past 9999-12-31 Excel shows #####: the number is kept.
// - Only the section that applies to the value decides (`0;[h]:mm`: positive numbers are numbers), as in Excel:
//   one section for all; two: ≥ 0 / < 0; three: > 0 / < 0 / = 0; explicit conditions ([<100]) replace those.

import type { RawCell } from '../core/model.js';
import { numberText } from '../core/normalize.js';

/** Built-in number formats (ECMA-376 §18.8.30), the Chinese (zh-CN) ones for 27–36 and 50–58. */
export const BUILTIN_FORMATS = new Map<number, string>([
  [0, 'General'], [1, '0'], [2, '0.00'], [3, '#,##0'], [4, '#,##0.00'], [9, '0%'], [10, '0.00%'], [11, '0.00E+00'],
  [12, '# ?/?'], [13, '# ??/??'], [14, 'mm-dd-yy'], [15, 'd-mmm-yy'], [16, 'd-mmm'], [17, 'mmm-yy'],
  [18, 'h:mm AM/PM'], [19, 'h:mm:ss AM/PM'], [20, 'h:mm'], [21, 'h:mm:ss'], [22, 'm/d/yy h:mm'],
  [27, 'yyyy"年"m"月"'], [28, 'm"月"d"日"'], [29, 'm"月"d"日"'], [30, 'm-d-yy'], [31, 'yyyy"年"m"月"d"日"'],
  [32, 'h"时"mm"分"'], [33, 'h"时"mm"分"ss"秒"'], [34, '上午/下午 h"时"mm"分"'], [35, '上午/下午 h"时"mm"分"ss"秒"'],
  [36, 'yyyy"年"m"月"'], [37, '#,##0 ;(#,##0)'], [38, '#,##0 ;[Red](#,##0)'], [39, '#,##0.00 ;(#,##0.00)'],
  [40, '#,##0.00 ;[Red](#,##0.00)'], [45, 'mm:ss'], [46, '[h]:mm:ss'], [47, 'mmss.0'], [48, '##0.0E+0'], [49, '@'],
  [50, 'yyyy"年"m"月"'], [51, 'm"月"d"日"'], [52, 'yyyy"年"m"月"'], [53, 'm"月"d"日"'], [54, 'm"月"d"日"'],
  [55, '上午/下午 h"时"mm"分"'], [56, '上午/下午 h"时"mm"分"ss"秒"'], [57, 'yyyy"年"m"月"'], [58, 'm"月"d"日"'],
]);

/** What one section of a format shows. */
export type SectionKind = 'general' | 'number' | 'text' | 'date' | 'time' | 'duration';

interface Condition {
  op: '<' | '>' | '=' | '<=' | '>=' | '<>';
  value: number;
}

export interface FormatSection {
  kind: SectionKind;
  /** A date section that shows the time of day too (yyyy-mm-dd hh:mm). */
  withTime: boolean;
  /** Duration: the bracketed unit ([h] → h, [mm] → m, [ss] → s). */
  elapsed?: 'h' | 'm' | 's';
  /** Digits of a second shown (ss.00 → 2), at most 3. */
  subSeconds: number;
  cond?: Condition;
}

export interface NumberFormat {
  code: string;
  /** Sections for numbers (at most three); a fourth, or one holding @, is for text and never applies to a number. */
  sections: FormatSection[];
  /** Some section shows a date, time or duration: the cell's value needs looking at. */
  temporal: boolean;
}

/** Split a format code on `;` outside quotes, brackets and escapes. */
function splitSections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      cur += code.slice(i, i + 2);
      i++;
    } else if (ch === '[') {
      const end = code.indexOf(']', i + 1);
      const stop = end < 0 ? code.length : end + 1;
      cur += code.slice(i, stop);
      i = stop - 1;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const CONDITION = /^(<=|>=|<>|<|>|=)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)$/;

/** What a section shows, from its tokens outside quotes, escapes and brackets. */
function parseSection(sec: string): FormatSection & { textOnly: boolean } {
  let elapsed: FormatSection['elapsed'];
  let cond: Condition | undefined;
  // the letters that matter, in order, with quoted text, escapes, fills and [..] taken out
  let letters = '';
  let general = false;
  let at = false;
  let subSeconds = 0;
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i]!;
    if (ch === '"') {
      const end = sec.indexOf('"', i + 1);
      i = end < 0 ? sec.length : end;
      letters += ' ';
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
      letters += ' ';
    } else if (ch === '[') {
      const end = sec.indexOf(']', i + 1);
      const inner = sec.slice(i + 1, end < 0 ? sec.length : end).trim();
      i = end < 0 ? sec.length : end;
      const unit = /^(h+|m+|s+)$/i.exec(inner);
      if (unit) {
        elapsed ??= unit[1]![0]!.toLowerCase() as 'h' | 'm' | 's';
        letters += unit[1]![0]!.toLowerCase() === 'm' ? 'M' : unit[1]![0]!.toLowerCase();
      } else {
        const c = CONDITION.exec(inner);
        if (c) cond = { op: c[1] as Condition['op'], value: Number(c[2]) };
      }
    } else if (/^general/i.test(sec.slice(i, i + 7))) {
      general = true;
      i += 6;
    } else if (ch === '@') {
      at = true;
    } else if (/^(?:AM\/PM|A\/P)/i.test(sec.slice(i, i + 5))) {
      i += sec[i + 1] === '/' ? 2 : 4;
      letters += 'a';
    } else if ((ch === 'E' || ch === 'e') && (sec[i + 1] === '+' || sec[i + 1] === '-')) {
      i++; // scientific exponent, not a date letter
      letters += ' ';
    } else if (ch === '.' && /s/i.test(letters.trimEnd().slice(-1)) && sec[i + 1] === '0') {
      let n = 0;
      while (sec[i + 1 + n] === '0') n++;
      subSeconds = Math.min(3, n);
      i += n;
    } else {
      letters += /[ymdhsbg]/i.test(ch) ? ch.toLowerCase() : ch === '0' || ch === '#' || ch === '?' ? '0' : ' ';
    }
  }
  // m is the minute after h or before s, the month otherwise (as Excel reads mm in h:mm and yyyy-mm)
  const runs = letters.match(/([ymdhsbgaM0])\1*/g) ?? [];
  let date = false;
  let time = false;
  const tokens = runs.map((r) => r[0]!);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t === 'y' || t === 'd' || t === 'b' || t === 'g') date = true;
    else if (t === 'h' || t === 's' || t === 'M' || t === 'a') time = true;
    else if (t === 'm') {
      const prev = tokens.slice(0, k).reverse().find((x) => x !== '0');
      const next = tokens.slice(k + 1).find((x) => x !== '0');
      if (prev === 'h' || next === 's') time = true;
      else date = true;
    }
  }
  const kind: SectionKind = elapsed ? 'duration' : date ? 'date' : time ? 'time' : at ? 'text' : general ? 'general' : 'number';
  return {
    kind,
    withTime: date && time,
    ...(elapsed ? { elapsed } : {}),
    subSeconds,
    ...(cond ? { cond } : {}),
    textOnly: at && !date && !time && !elapsed,
  };
}

const compiled = new Map<string, NumberFormat>();

/** A format code read once (and remembered: a workbook has a few dozen). */
export function numberFormat(code: string): NumberFormat {
  let f = compiled.get(code);
  if (f) return f;
  const parts = splitSections(code).map(parseSection);
  // a section holding @ is for text; numbers use the first three of the others
  const sections = parts.filter((p, i) => !p.textOnly && i < 3).map(({ textOnly: _t, ...s }) => s);
  f = { code, sections, temporal: sections.some((s) => s.kind === 'date' || s.kind === 'time' || s.kind === 'duration') };
  if (compiled.size > 10_000) compiled.clear();
  compiled.set(code, f);
  return f;
}

/** A format shows a date, time of day or duration in some section (for numbers). */
export function isDateFormat(code: string): boolean {
  return numberFormat(code).temporal;
}

function holds(c: Condition, v: number): boolean {
  switch (c.op) {
    case '<':
      return v < c.value;
    case '>':
      return v > c.value;
    case '=':
      return v === c.value;
    case '<=':
      return v <= c.value;
    case '>=':
      return v >= c.value;
    case '<>':
      return v !== c.value;
  }
}

/** The section Excel uses for the value. */
export function sectionFor(f: NumberFormat, v: number): FormatSection | undefined {
  const s = f.sections;
  if (s.length <= 1) return s[0];
  const c0 = s[0]!.cond ?? { op: s.length >= 3 ? '>' : '>=', value: 0 };
  if (holds(c0, v)) return s[0];
  const c1 = s[1]!.cond ?? (s.length >= 3 ? { op: '<', value: 0 } : undefined);
  if (!c1 || holds(c1, v)) return s[1];
  return s[2] ?? s[0];
}

// ── dates ────────────────────────────────────────────────────────────────────────────────────

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Days since 1970-01-01 → YYYY-MM-DD (proleptic Gregorian, UTC: no time zone enters). */
function civilDate(days: number): string {
  const d = new Date(days * 86_400_000);
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** Whole days of a serial → the date Excel shows: 0 is 1900-01-00, 60 the phantom 1900-02-29 (1900 system). */
function serialDay(day: number, date1904: boolean): string {
  if (date1904) return civilDate(day - 24107); // 1904-01-01 is 24107 days before 1970-01-01
  if (day === 0) return '1900-01-00';
  if (day === 60) return '1900-02-29';
  return civilDate(day - (day < 60 ? 25568 : 25569));
}

function clock(seconds: number, sub: number, digits: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}${digits ? `.${String(sub).padStart(digits, '0')}` : ''}`;
}

/** The kind of date text a section makes: a date (with or without the time), a time of day, or a duration. */
export type TemporalShape = { kind: 'date'; withTime: boolean; subSeconds?: number } | { kind: 'time'; subSeconds?: number } | { kind: 'duration'; elapsed: 'h' | 'm' | 's'; subSeconds?: number };

/** Largest serial Excel shows as a date: 9999-12-31 23:59:59 (1900 system) and its 1904 equivalent. */
const MAX_SERIAL_1900 = 2958466;
const MAX_SERIAL_1904 = MAX_SERIAL_1900 - 1462;

/**
 * The text Excel shows for `serial` in a date, time or duration shape, written fupin's one way (see the top of the
 * file). Undefined where Excel shows ##### (negative in the 1900 system, past 9999-12-31): the number is then kept.
 */
export function temporalText(serial: number, shape: TemporalShape, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  if (serial < 0) {
    if (!date1904) return undefined;
    const t = temporalText(-serial, shape, date1904);
    return t === undefined ? undefined : `-${t}`;
  }
  if (serial >= (date1904 ? MAX_SERIAL_1904 : MAX_SERIAL_1900)) return undefined;
  const digits = shape.subSeconds ?? 0;
  const scale = 10 ** digits;
  // rounded to the finest unit shown: never cut (23:59:59.9 is the next day at 00:00:00)
  const ticks = Math.round(serial * 86_400 * scale);
  const totalSeconds = Math.floor(ticks / scale);
  const sub = ticks - totalSeconds * scale;
  if (shape.kind === 'duration') {
    const frac = digits ? `.${String(sub).padStart(digits, '0')}` : '';
    if (shape.elapsed === 's') return `${totalSeconds}${frac}`;
    if (shape.elapsed === 'm') return `${Math.floor(totalSeconds / 60)}:${pad2(totalSeconds % 60)}${frac}`;
    return `${Math.floor(totalSeconds / 3600)}:${pad2(Math.floor((totalSeconds % 3600) / 60))}:${pad2(totalSeconds % 60)}${frac}`;
  }
  const day = Math.floor(totalSeconds / 86_400);
  const secs = totalSeconds - day * 86_400;
  if (shape.kind === 'time') return clock(secs, sub, digits);
  const date = serialDay(day, date1904);
  return shape.withTime ? `${date} ${clock(secs, sub, digits)}` : date;
}

/** A number in a format: its date/time/duration text when the section that applies shows one, else undefined. */
export function formattedTemporal(serial: number, f: NumberFormat, date1904: boolean): string | undefined {
  if (!f.temporal) return undefined;
  const s = sectionFor(f, serial);
  if (!s) return undefined;
  switch (s.kind) {
    case 'date':
      return temporalText(serial, { kind: 'date', withTime: s.withTime, subSeconds: s.subSeconds }, date1904);
    case 'time':
      return temporalText(serial, { kind: 'time', subSeconds: s.subSeconds }, date1904);
    case 'duration':
      return temporalText(serial, { kind: 'duration', elapsed: s.elapsed ?? 'h', subSeconds: s.subSeconds }, date1904);
    default:
      return undefined;
  }
}

/** 1970-01-01 as a 1900-system serial. */
const EPOCH_1900 = 25569;

/**
 * An ISO 8601 date, date-time or time (`t="d"` cells, Strict OOXML) as a serial, keeping every digit of the
 * seconds: `2020-01-01T15:59:59.9999998` → 43831.66666666…; a time alone (`10:10:10`) is a fraction of a day. The
 * zone suffix is ignored, as Excel does. Undefined when the text is not such a value.
 */
export function isoSerial(text: string, date1904: boolean): { serial: number; hasDate: boolean; hasTime: boolean } | undefined {
  const t = text.trim().replace(/(?:Z|[+-]\d\d:?\d\d)$/, '');
  const m = /^(?:(-?\d{4,})-(\d\d)-(\d\d))?(?:(?:^|T| +)(\d\d):(\d\d)(?::(\d\d)(\.\d+)?)?)?$/.exec(t);
  if (!m || (m[1] === undefined && m[4] === undefined)) return undefined;
  let serial = 0;
  let hasDate = m[1] !== undefined;
  if (m[1] !== undefined) {
    const month = Number(m[2]);
    const dayOfMonth = Number(m[3]);
    if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return undefined;
    const at = new Date(0);
    at.setUTCFullYear(Number(m[1]), month - 1, dayOfMonth); // not Date.UTC: it reads years 0-99 as 1900-1999
    const day = Math.round(at.getTime() / 86_400_000) + EPOCH_1900;
    // 1900 system: 1900-01-01 … 1900-02-28 are serials 1 … 59, before the phantom 1900-02-29; 1904: serial 0 = 1904-01-01
    serial = date1904 ? day - EPOCH_1900 + 24_107 : day < 61 ? day - 1 : day;
    // 1899-12-30/31 is day 0 as other programs write a time alone (1899-12-30T10:10:10): a time of day, no date
    if (!date1904 && day <= 1) {
      serial = 0;
      hasDate = false;
    }
  }
  if (m[4] !== undefined) {
    const h = Number(m[4]);
    const min = Number(m[5]);
    const s = m[6] !== undefined ? Number(m[6]) : 0;
    const frac = m[7] !== undefined ? Number(`0${m[7]}`) : 0;
    if (h > 24 || min > 59 || s > 60) return undefined;
    serial += (h * 3600 + min * 60 + s + frac) / 86_400;
  }
  if (!hasDate && m[4] === undefined) return undefined;
  return { serial, hasDate, hasTime: m[4] !== undefined };
}

/**
 * A date as a clerk would read it: 2016-09-12, with the time only when there is one (rounded to the second). For
 * values that come as Date objects (exceljs).
 */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const ms = Math.round(d.getTime() / 1000) * 1000;
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

/**
 * An Excel serial as date text, the time shown when there is one: 1900 system (serial 1 = 1900-01-01, 60 the phantom
 * 1900-02-29) or 1904 (serial 0 = 1904-01-01). Undefined outside 0 … 9999-12-31.
 */
export function serialDateText(serial: number, date1904: boolean): string | undefined {
  if (!Number.isFinite(serial) || serial < 0) return undefined;
  return temporalText(serial, { kind: 'date', withTime: showsTimeOfDay(serial) }, date1904);
}

/** The serial has a time of day once rounded to the second (not midnight). */
export function showsTimeOfDay(serial: number): boolean {
  return Math.round(Math.abs(serial) * 86_400) % 86_400 !== 0;
}

/**
 * A number cell as read: its date, time or duration text when its format's section shows one (kind `date`), else the
 * number's own digits. `temporal` is `numFmt` compiled, when it shows dates or times (callers keep it per style).
 */
export function numberCell(n: number, numFmt: string | undefined, temporal: NumberFormat | undefined, date1904: boolean): RawCell {
  if (temporal) {
    const text = formattedTemporal(n, temporal, date1904);
    if (text !== undefined) return numFmt ? { text, kind: 'date', numFmt } : { text, kind: 'date' };
  }
  const cell: RawCell = { text: numberText(n), kind: 'number', raw: n };
  return numFmt ? { ...cell, numFmt } : cell;
}

/**
 * A date written as ISO 8601 text (xlsx `t="d"`, Strict OOXML): shown through its format when that shows dates or
 * times, else as what it holds — a date, a date and time, or a time of day (`10:10:10`). Seconds rounded, never cut.
 * Text that is no ISO value, or a date Excel cannot show, stays as written.
 */
export function isoCell(val: string, numFmt: string | undefined, temporal: NumberFormat | undefined, date1904: boolean): RawCell | undefined {
  const fmt = (c: RawCell): RawCell => (numFmt ? { ...c, numFmt } : c);
  const iso = isoSerial(val, date1904);
  if (iso) {
    let text = temporal ? formattedTemporal(iso.serial, temporal, date1904) : undefined;
    text ??= temporalText(iso.serial, iso.hasDate ? { kind: 'date', withTime: iso.hasTime && showsTimeOfDay(iso.serial) } : { kind: 'time' }, date1904);
    if (text !== undefined) return fmt({ text, kind: 'date' });
  }
  return val.trim() === '' ? undefined : fmt({ text: val, kind: 'string' });
}
