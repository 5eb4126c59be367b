// looksLikeLabelForm (is this workbook a 附1 card form?) is asked of every workbook read without fupin's mark: its
// loop without arrays per row must answer exactly as the plain reading of its rule (the reference below).
import { describe, expect, it } from 'vitest';
import type { RawCell, RawSheet } from '../../src/core/model.js';
import { compact } from '../../src/core/normalize.js';
import { looksLikeLabelForm } from '../../src/core/ledger/own-output.js';
import { readXlsx } from '../../src/io/xlsx-reader.js';
import { buildXlsx } from '../io/zip-build.js';

const LABELS = ['编号', '户主姓名', '家庭年收入', '家庭住址', '联系方式', '贫困原因', '组织名称', '联系电话', '姓名', '户主', '住址', '电话', '身份证号码', '家庭人口', '精准帮扶对象'];
const OTHER = ['', ' ', '序号', '扶贫户主姓名', '13206098071', '东安县慈善会', '1', '合计',
  // starting as a label does, or with what NFKC changes (full-width, combining marks, compatibility ideographs)
  '家庭', '户主姓名甲', '联系', '１２３', 'e\u0301', 'A\u030a户主', '\u2f9d份证号码', '\ufa1d准帮扶对象', '\u3000家庭人口'];
/** Spellings compact() reads as the label: spaces inside, full-width, a line break. */
const SPELLED = (l: string): string[] => [l, ` ${l} `, [...l].join(' '), `${l}\n`, l.replace(/名/g, '\u2F52'), l.replace(/^身/, '\u2F9D').replace(/^精/, '\uFA1D'), `\u00a0${l}`];

/** The rule as first written (rows of labels, arrays per row): what the loop must agree with. */
function reference(sheet: RawSheet): boolean {
  const set = new Set(LABELS.map(compact).concat(['家庭详细情况', '帮扶措施', '帮扶干部到户记录', '慈善组织基本情况', '慈善组织办公地址', '办公地址', '组织负责人', '现场责任人', '精准帮扶对象', '帮扶责任单位', '扶贫单位', '帮扶单位', '单位名称'].map(compact)));
  const rows: string[] = [];
  for (let r = 0; r < Math.min(sheet.rows.length, 40); r++) {
    const labels = (sheet.rows[r] ?? []).map((c) => compact(c?.text ?? '')).filter((t) => set.has(t));
    if (labels.length === 0) continue;
    if (labels.length >= 4) return false;
    rows.push(labels.join('|'));
  }
  return new Set(rows).size >= 4;
}

/** A deterministic pseudo-random generator (tests never depend on Math.random). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sheetOf(rows: (string | undefined)[][]): RawSheet {
  return {
    name: 'S',
    merges: [],
    rows: rows.map((row) => {
      const out: (RawCell | undefined)[] = [];
      row.forEach((t, c) => {
        if (t !== undefined) out[c] = { text: t, kind: 'string' };
      });
      return out;
    }),
  };
}

describe('looksLikeLabelForm', () => {
  it('a card form of labels down its rows is one; a register header (many labels in a row) is not', () => {
    expect(looksLikeLabelForm(sheetOf([['户主姓名', 'x', '家庭人口'], ['家庭住址'], ['联系电话', 'y'], ['贫困原因']]))).toBe(true);
    expect(looksLikeLabelForm(sheetOf([['编号', '户主姓名', '家庭住址', '联系电话'], ['户主姓名'], ['家庭住址'], ['联系电话'], ['贫困原因']]))).toBe(false);
    // the same labels again on every row say one thing only
    expect(looksLikeLabelForm(sheetOf([['户主姓名'], ['户主姓名'], ['户主姓名'], ['户主姓名']]))).toBe(false);
  });

  it('answers as the rule read plainly, on a thousand made-up sheets (sparse rows, spellings compact reads as a label)', () => {
    const rand = rng(20261127);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
    let forms = 0;
    for (let n = 0; n < 1000; n++) {
      const rows: (string | undefined)[][] = [];
      const height = Math.floor(rand() * 50);
      for (let r = 0; r < height; r++) {
        const row: (string | undefined)[] = [];
        const width = Math.floor(rand() * 7);
        for (let c = 0; c < width; c++) {
          const x = rand();
          // holes, other texts, labels (one row in a few holds several)
          row[c] = x < 0.25 ? undefined : x < 0.75 ? pick(OTHER) : pick(SPELLED(pick(LABELS)));
        }
        rows.push(row);
      }
      const sheet = sheetOf(rows);
      const want = reference(sheet);
      if (want) forms++;
      expect(looksLikeLabelForm(sheet)).toBe(want);
    }
    // both answers were tried
    expect(forms).toBeGreaterThan(10);
    expect(forms).toBeLessThan(990);
  });

  it('reads a compact sheet (xlsx read lean: its rows as views) as the same sheet read as a grid', () => {
    const rand = rng(7_2026_1127);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
    const col = (c: number): string => String.fromCharCode(65 + c);
    let forms = 0;
    let viewed = 0;
    for (let n = 0; n < 300; n++) {
      const strings: string[] = [];
      const xmlRows: string[] = [];
      const merges: string[] = [];
      const height = Math.floor(rand() * 48);
      for (let r = 0; r < height; r++) {
        const cells: string[] = [];
        const width = Math.floor(rand() * 7);
        for (let c = 0; c < width; c++) {
          const x = rand();
          if (x < 0.25) continue;
          const ref = `${col(c)}${r + 1}`;
          // numbers, other texts, labels in their spellings
          if (x < 0.35) cells.push(`<c r="${ref}"><v>${Math.floor(rand() * 100)}</v></c>`);
          else {
            strings.push(x < 0.7 ? pick(OTHER) : pick(SPELLED(pick(LABELS))));
            cells.push(`<c r="${ref}" t="s"><v>${strings.length - 1}</v></c>`);
          }
        }
        xmlRows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
        // a merge now and then: the cells it covers (but its first) are no cells of the row
        if (rand() < 0.1) merges.push(`<mergeCell ref="A${r + 1}:C${r + 1}"/>`);
      }
      const xml = `<sheetData>${xmlRows.join('')}</sheetData>${merges.length ? `<mergeCells>${merges.join('')}</mergeCells>` : ''}`;
      const buf = buildXlsx({ sheets: [{ name: 'S', xml }], sharedStrings: strings.map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;')) });
      const grid = readXlsx(buf).sheets[0]!;
      const lean = readXlsx(buf, { lean: true }).sheets[0]!;
      if (lean.lean?.view) viewed++;
      const want = reference(grid);
      if (want) forms++;
      expect(looksLikeLabelForm(grid)).toBe(want);
      expect(looksLikeLabelForm(lean)).toBe(want);
    }
    expect(viewed).toBeGreaterThan(250);
    expect(forms).toBeGreaterThan(5);
    expect(forms).toBeLessThan(295);
  });
});

describe('LeanRows.mayHold (looksLikeLabelForm passes over a row it rules out without making its texts)', () => {
  /** Texts whose first unit is read from the bytes (or not): ASCII, Han, a space, 2- and 4-byte characters, U+FEFF, escapes. */
  const TEXTS = ['户主', '姓名', '丁芳', '1', ' 户主', '\u3000户主', 'é户主', '\u{20000}户', '\ufeff户主', '¥5', '－1', '_x0020_户主', '_x6237_主', 'a&amp;b', '&lt;户', 'x', ''];

  it('false only when every cell view(r) gives is empty or starts with a unit passed takes; the same answer as the view', () => {
    const rand = rng(28_2026_1127);
    const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;
    const col = (c: number): string => String.fromCharCode(65 + c);
    // a date, a custom format with Han in it, a plain number style
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;户主&quot;0"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="2" applyNumberFormat="1"/></cellXfs>';
    let ruledOut = 0;
    let rows = 0;
    for (let n = 0; n < 300; n++) {
      const items: string[] = [];
      const xmlRows: string[] = [];
      const height = 1 + Math.floor(rand() * 20);
      for (let r = 0; r < height; r++) {
        const cells: string[] = [];
        const width = Math.floor(rand() * 6);
        for (let c = 0; c < width; c++) {
          const x = rand();
          const ref = `${col(c)}${r + 1}`;
          const s = rand() < 0.3 ? ` s="${Math.floor(rand() * 4)}"` : '';
          if (x < 0.15) continue;
          if (x < 0.35) {
            const v = pick([0, 7, 42, 13206098071, -3, -0.5, 2.25, 1e15, -1e16, 4095, 4096, 43000]);
            cells.push(`<c r="${ref}"${s}><v>${v}</v></c>`);
          } else if (x < 0.4) cells.push(`<c r="${ref}" t="inlineStr"><is><t>${pick(TEXTS)}</t></is></c>`);
          else if (x < 0.45) cells.push(`<c r="${ref}" t="b"><v>1</v></c>`);
          else if (x < 0.5) {
            // a rich text item
            items.push(`<si><r><t>${pick(TEXTS)}</t></r><r><t>${pick(TEXTS)}</t></r></si>`);
            cells.push(`<c r="${ref}" t="s"${s}><v>${items.length - 1}</v></c>`);
          } else {
            items.push(`<si><t xml:space="preserve">${pick(TEXTS)}</t></si>`);
            cells.push(`<c r="${ref}" t="s"${s}><v>${items.length - 1}</v></c>`);
          }
        }
        xmlRows.push(`<row r="${r + 1}">${cells.join('')}</row>`);
      }
      const buf = buildXlsx({ sheets: [{ name: 'S', xml: `<sheetData>${xmlRows.join('')}</sheetData>` }], sharedStrings: items.join(''), styles });
      const lean = readXlsx(buf, { lean: true }).sheets[0]!.lean;
      if (!lean?.view || !lean.mayHold) continue;
      // a few unit sets: addLabel's, every ASCII, a handful of Han characters
      const firsts = pick([new Set([0x6237, 0x59d3, 0x4e01]), new Set(Array.from({ length: 0x5e }, (_, i) => 0x21 + i)), new Set([0x20, 0x3000, 0xe9, 0x2d, 0x31, 0x37])]);
      const passed = (u: number): boolean => firsts.has(u);
      for (let r = -1; r <= lean.rowCount; r++) {
        rows++;
        const may = lean.mayHold(r, passed);
        const v = lean.view(r);
        const texts = v ? Array.from({ length: v.n }, (_, k) => v.texts[k]!) : [];
        const sure = texts.every((t) => t === '' || passed(t.charCodeAt(0)));
        if (!may) {
          // cells of a row read without making their texts
          if (texts.length > 0) ruledOut++;
          expect(sure).toBe(true);
        }
      }
    }
    expect(ruledOut).toBeGreaterThan(100);
    expect(rows).toBeGreaterThan(1000);
  });
});

