// Test helper: builds zips (and minimal .xlsx files) in memory, including deliberately lying or damaged ones.
import zlib from 'node:zlib';

export interface EntrySpec {
  name: string;
  data: Buffer | string;
  /** 8 = deflate (default), 0 = stored, anything else written as is. */
  method?: number;
  flags?: number;
  /** Override the sizes / CRC the headers claim. */
  claimSize?: number;
  claimCrc?: number;
  /** zlib's level for a deflated entry (0: stored blocks, its size following the data's alone). */
  level?: number;
}

export function buildZip(entries: EntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const method = e.method ?? 8;
    const comp = method === 8 ? zlib.deflateRawSync(raw, e.level === undefined ? {} : { level: e.level }) : raw;
    const crc = e.claimCrc ?? zlib.crc32(raw);
    const size = e.claimSize ?? raw.length;
    const name = Buffer.from(e.name, 'utf8');
    const flags = (e.flags ?? 0) | 0x800;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(flags, 6);
    lh.writeUInt16LE(method, 8);
    lh.writeUInt32LE(crc >>> 0, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(flags, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc >>> 0, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface SheetSpec {
  name: string;
  /** The worksheet XML's content inside <worksheet> (sheetData, mergeCells …), or a whole part when `raw`. */
  xml: string;
  raw?: boolean;
  state?: string;
}

export interface BookSpec {
  sheets: SheetSpec[];
  sharedStrings?: string[] | string;
  /** styles.xml content inside <styleSheet>. */
  styles?: string;
  workbookExtra?: string;
  /** Where the workbook part lives (default xl/workbook.xml). */
  workbookPath?: string;
  extraEntries?: EntrySpec[];
}

/** A minimal but complete .xlsx: content types, package rels, workbook, its rels, sheets, optional sst/styles. */
export function buildXlsx(spec: BookSpec): Buffer {
  const wbPath = spec.workbookPath ?? 'xl/workbook.xml';
  const dir = wbPath.slice(0, wbPath.lastIndexOf('/') + 1);
  const base = wbPath.slice(dir.length);
  const rels: string[] = [];
  const entries: EntrySpec[] = [];
  const sheetEls = spec.sheets.map((s, i) => {
    rels.push(`<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    entries.push({
      name: `${dir}worksheets/sheet${i + 1}.xml`,
      data: s.raw ? s.xml : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}>${s.xml}</worksheet>`,
    });
    const esc = s.name.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
    return `<sheet name="${esc}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ''}/>`;
  });
  if (spec.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    const body = typeof spec.sharedStrings === 'string' ? spec.sharedStrings : spec.sharedStrings.map((t) => `<si><t xml:space="preserve">${t}</t></si>`).join('');
    entries.push({ name: `${dir}sharedStrings.xml`, data: `<sst ${NS}>${body}</sst>` });
  }
  if (spec.styles !== undefined) {
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
    entries.push({ name: `${dir}styles.xml`, data: `<styleSheet ${NS}>${spec.styles}</styleSheet>` });
  }
  return buildZip([
    {
      name: '[Content_Types].xml',
      data: `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/${wbPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${wbPath}"/></Relationships>`,
    },
    { name: wbPath, data: `<workbook ${NS}>${spec.workbookExtra ?? ''}<sheets>${sheetEls.join('')}</sheets></workbook>` },
    { name: `${dir}_rels/${base}.rels`, data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    ...entries,
    ...(spec.extraEntries ?? []),
  ]);
}
