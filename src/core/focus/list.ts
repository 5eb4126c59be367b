// Focus lists (DOMAIN §9): places a province aims its help at — key counties, deeply poor townships, target villages —
// as rows of 类别, 区县, 乡镇, 村 (a blank township or village: the whole county or township). Each place is resolved
// against the division list with the usual forms tolerated (县/区 dropped: 秀山县 → 秀山土家族苗族自治县; 乡 ~ 镇;
// 村委会 ~ 村), and what cannot be resolved is said, never dropped silently (pure).
import { rowAt, rowCountOf } from '../sheet-rows.js';
import type { DivisionIndex } from '../divisions.js';
import { headerKey } from '../columns.js';
import type { RawSheet } from '../model.js';
import { compact } from '../normalize.js';
import { countyOfCell, townshipStem, villageStem } from '../places.js';

/** One row of a focus list as written. */
export interface FocusRow {
  category: string;
  county: string;
  township?: string;
  village?: string;
  /** Where it was read (a file's list; the built-in lists have none): the file and its 1-based row. */
  file?: string;
  row?: number;
}

/** A row of a focus list left out, and why: no 类别, no 区县, or the same place in the same category as an earlier row. */
export interface FocusSkip {
  file?: string;
  row?: number;
  why: 'no-category' | 'no-county' | 'duplicate';
  category: string;
  place: string;
  /** For a duplicate: the row it repeats. */
  first?: number;
}

export interface FocusPlace extends FocusRow {
  /** 丰都县三建乡, 万州区白土镇大林村: the place as the list writes it. */
  label: string;
  /** County code ('' when the county could not be resolved). */
  countyCode: string;
  townshipStem: string;
  villageStem: string;
  /** What could not be matched to the division list: the county, or the township within it (villages are not listed there). */
  unresolved?: 'county' | 'township';
}

export interface FocusList {
  /** Where the list came from: a file, or the province profile's built-in list. */
  sources: string[];
  places: FocusPlace[];
  /** The categories in the order they first appear. */
  categories: string[];
  /** Rows left out (never silently). */
  skipped: FocusSkip[];
}

/** The focus places of `rows`, resolved against the division list (places repeated in a category are kept once). */
export function buildFocusList(rows: readonly FocusRow[], sources: string[], divisions?: DivisionIndex, province?: string): FocusList {
  const places: FocusPlace[] = [];
  const seen = new Map<string, FocusRow>();
  const categories: string[] = [];
  const skipped: FocusSkip[] = [];
  for (const r of rows) {
    const category = compact(r.category);
    const county = compact(r.county);
    const township = compact(r.township ?? '');
    const village = compact(r.village ?? '');
    const label = county + township + village;
    const at = { ...(r.file !== undefined ? { file: r.file } : {}), ...(r.row !== undefined ? { row: r.row } : {}) };
    if (!category || !county) {
      skipped.push({ ...at, why: category ? 'no-county' : 'no-category', category, place: label });
      continue;
    }
    const key = `${category}|${label}`;
    const earlier = seen.get(key);
    if (earlier) {
      skipped.push({ ...at, why: 'duplicate', category, place: label, ...(earlier.row !== undefined && earlier.file === r.file ? { first: earlier.row } : {}) });
      continue;
    }
    seen.set(key, r);
    if (!categories.includes(category)) categories.push(category);
    const k = divisions ? countyOfCell(county, divisions, province) : undefined;
    const place: FocusPlace = {
      category,
      county,
      ...(township ? { township } : {}),
      ...(village ? { village } : {}),
      label,
      countyCode: k?.code ?? '',
      townshipStem: township ? townshipStem(township) : '',
      villageStem: village ? villageStem(village) : '',
      ...at,
    };
    if (!k) place.unresolved = 'county';
    else if (township && !k.towns.some((t) => townshipStem(t) === place.townshipStem)) place.unresolved = 'township';
    places.push(place);
  }
  return { sources, places, categories, skipped };
}

const FOCUS_HEADERS: Record<'category' | 'county' | 'township' | 'village', string[]> = {
  category: ['类别', '分类', '类型', '重点类别', '备注'],
  county: ['区县', '县', '县市区', '县(市、区)', '区县(自治县)', '县区'],
  township: ['乡镇', '乡镇名称', '乡(镇)', '乡镇(街道)', '街道'],
  village: ['村', '村(社区)', '行政村', '村名', '村(居)'],
};

export type FocusSheetRead = { ok: true; rows: FocusRow[] } | { ok: false };

/**
 * The rows of a focus list sheet: the first row (of the first 40) naming 类别 and 区县; blank rows left alone, a row
 * with anything in its four columns kept (buildFocusList says why it cannot use one). `file`: where, for messages.
 */
export function focusRowsFromSheets(sheets: readonly RawSheet[], file?: string): FocusSheetRead {
  for (const sheet of sheets) {
    const count = rowCountOf(sheet);
    for (let r = 0; r < Math.min(count, 40); r++) {
      const col: Partial<Record<keyof typeof FOCUS_HEADERS, number>> = {};
      (rowAt(sheet, r) ?? []).forEach((c, i) => {
        const k = headerKey(c?.text ?? '');
        for (const [key, names] of Object.entries(FOCUS_HEADERS) as [keyof typeof FOCUS_HEADERS, string[]][]) {
          if (col[key] === undefined && names.some((n) => headerKey(n) === k)) col[key] = i;
        }
      });
      if (col.category === undefined || col.county === undefined) continue;
      const rows: FocusRow[] = [];
      for (let i = r + 1; i < count; i++) {
        const cells = rowAt(sheet, i);
        const get = (k: 'category' | 'county' | 'township' | 'village'): string => (col[k] === undefined ? '' : (cells?.[col[k]!]?.text ?? '').trim());
        const row: FocusRow = { category: get('category'), county: get('county'), township: get('township'), village: get('village') };
        if (!row.category && !row.county && !row.township && !row.village) continue;
        rows.push(file === undefined ? row : { ...row, file, row: i + 1 });
      }
      return { ok: true, rows };
    }
  }
  return { ok: false };
}
