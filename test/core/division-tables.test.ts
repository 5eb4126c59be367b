// The division index the build packs (packDivisions → dist/data/divisions.bin, read in place by DivisionIndex.read) answers
// exactly as the index built from the list; bytes that are not such a file (cut short, another format, made from a list of
// another length) are refused, and the caller builds the index from the list instead.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PackedDivisions, packDivisions } from '../../src/core/divisions-packed.js';
import { DivisionIndex, type DivisionData, type Place, type PlaceMatch } from '../../src/core/divisions.js';

const text = readFileSync(new URL('../../src/data/divisions.json', import.meta.url));
const data = JSON.parse(text.toString('utf8')) as DivisionData;

const where = (p: Place | undefined): string => (p === undefined ? '-' : p.level === 'town' ? `town:${p.name}@${p.county.code}` : `${p.level}:${p.code}:${p.name}`);
const show = (m: PlaceMatch) => `${m.level}:${m.text}@${m.index}=${m.places.map(where).join('|')}/${m.how}`;

describe('the packed division index', () => {
  const built = new DivisionIndex(data);
  const bytes = packDivisions(new DivisionIndex(data).packTables(text.length))!;
  const packed = DivisionIndex.read(Uint8Array.from(bytes), text.length)!;
  // a second one, asked in another order (its tables are decoded when first asked)
  const packed2 = DivisionIndex.read(bytes)!;
  const counties = data.provinces.flatMap((p) => p.cities.flatMap((c) => c.counties.map((k) => ({ p, c, k }))));

  it('is read from its bytes, with the list’s places and names', () => {
    expect(packed).toBeInstanceOf(DivisionIndex);
    expect(packed.version).toBe(built.version);
    expect(packed.renamed).toEqual(built.renamed);
    expect(packed.provinces.map(where)).toEqual(built.provinces.map(where));
    const tree = (idx: DivisionIndex) =>
      idx.provinces.flatMap((p) => p.cities.flatMap((c) => [where(c), String(c.pseudo), where(c.province), ...c.counties.map((k) => `${where(k)} ${where(k.city)} ${k.zone} ${k.towns.join(',')}`)]));
    expect(tree(packed)).toEqual(tree(built));
    expect([...packed.nameMarks()]).toEqual([...built.nameMarks()]);
  });

  it('carries the build\'s length and end bits (matchAt\'s strict pre-filters), unit for unit', () => {
    const input = new DivisionIndex(data).packTables(text.length);
    expect(input.lengthBits).not.toBeNull();
    expect(input.endBits).not.toBeNull();
    const file = PackedDivisions.read(bytes, text.length)!;
    expect(file.lengthBits).toEqual(input.lengthBits);
    expect(file.endBits).toEqual(input.endBits);
    // every name's last unit has its length's bit (a name the pre-filter would pass over could never be found)
    expect(file.endBits![data.provinces[0]!.name.charCodeAt(data.provinces[0]!.name.length - 1)]! & (1 << data.provinces[0]!.name.length)).not.toBe(0);
  });

  it('finds every province, city, county and code as the built index does', () => {
    for (const idx of [packed, packed2]) {
      for (const p of data.provinces) {
        expect(where(idx.province(p.name))).toBe(where(built.province(p.name)));
        expect(where(idx.province(p.name.slice(0, 2)))).toBe(where(built.province(p.name.slice(0, 2))));
        expect(where(idx.byCode(p.code))).toBe(where(built.byCode(p.code)));
      }
      for (const { p, c, k } of counties) {
        for (const name of [c.name, c.name.slice(0, 2), c.name.slice(0, -1)]) {
          expect(idx.cities(name).map(where)).toEqual(built.cities(name).map(where));
          expect(idx.cities(name, p.name).map(where)).toEqual(built.cities(name, p.name).map(where));
        }
        for (const name of [k.name, k.name.slice(0, -1), k.name.slice(0, 2)]) {
          expect(idx.counties(name).map(where), name).toEqual(built.counties(name).map(where));
          expect(idx.counties(name, c.name).map(where), name).toEqual(built.counties(name, c.name).map(where));
        }
        expect(where(idx.byCode(k.code))).toBe(where(built.byCode(k.code)));
        expect(where(idx.byCode(c.code))).toBe(where(built.byCode(c.code)));
        expect(where(idx.placeOf({ province: p.name, city: c.name, county: k.name }))).toBe(where(built.placeOf({ province: p.name, city: c.name, county: k.name })));
      }
      for (const old of Object.keys(data.renamed)) expect(idx.counties(old).map(where)).toEqual(built.counties(old).map(where));
    }
  });

  it('reads addresses exactly as the built index does', () => {
    const scopes = [undefined, { province: '湖南省' }, { province: '湖南省', city: '怀化市', county: '溆浦县' }, { province: '广东省', city: '东莞市' }];
    const texts = [
      '湖南省怀化市溆浦县卢峰镇红星村3组',
      '溆浦县低庄镇大湾村',
      '花桥镇新田村',
      '溆浦龙潭镇',
      '后塘乡',
      '江华瑶族自治县涔天河镇',
      '东莞市虎门镇',
      '城关镇东街',
      '长沙县星沙街道',
      '鼓楼区',
      '湘西州吉首市乾州街道',
      '新县城关镇',
      '麻阳县高村乡',
      '宁乡县双江口镇',
      '岳阳市屈原管理区河市镇',
      '北京市朝阳区',
    ];
    // and an address in every 7th county of the list: its city, itself, its first township, a village
    for (let i = 0; i < counties.length; i += 7) {
      const { c, k } = counties[i]!;
      texts.push(`${c.name}${k.name}${k.towns[0] ?? ''}新村`, `${k.name.slice(0, -1)}${k.towns[1] ?? ''}`, k.towns[2] ?? k.name);
    }
    for (const scope of scopes) {
      for (const t of texts) {
        const want = built.placesIn(t, scope).map(show);
        expect(packed.placesIn(t, scope).map(show), `${t} ${JSON.stringify(scope)}`).toEqual(want);
      }
    }
    for (const t of texts) {
      expect(where(packed.leadingCounty(t).county), t).toBe(where(built.leadingCounty(t).county));
      expect(packed.leadingCounty(t).end, t).toBe(built.leadingCounty(t).end);
      const lead = (idx: DivisionIndex) => {
        const l = idx.leadingPlaces(t);
        return l && { places: l.places.map(where), starts: l.starts, end: l.end };
      };
      expect(lead(packed2), t).toEqual(lead(built));
    }
    for (let i = 0; i < counties.length; i += 13) {
      const k = built.byCode(counties[i]!.k.code)!;
      const kp = packed.byCode(counties[i]!.k.code)!;
      if (k.level !== 'county' || kp.level !== 'county') throw new Error('not a county');
      for (const t of [...k.towns.slice(0, 3), '后塘乡', '城关镇']) {
        expect(packed.townOf(kp, t)).toBe(built.townOf(k, t));
        expect(packed.hasTown(kp, t)).toBe(built.hasTown(k, t));
      }
      expect(packed.label(kp)).toBe(built.label(k));
    }
  });

  it('answers the same after 500 addresses (its length bits are built then)', () => {
    const a = DivisionIndex.read(bytes)!;
    const b = new DivisionIndex(data);
    const texts = counties.slice(0, 600).map(({ c, k }) => `${c.name}${k.name}${k.towns.at(-1) ?? ''}`);
    for (const t of texts) expect(a.placesIn(t).map(show)).toEqual(b.placesIn(t).map(show));
  });

  it('makes each name from its units when asked, long ones too (a note of 100 and of 10,000 characters, non-ASCII)', () => {
    for (const n of [100, 10_000]) {
      const source = `来源 ${'国家统计局 2023 · '.repeat(n / 10)}`.slice(0, n);
      const small: DivisionData = { ...data, source, provinces: data.provinces.slice(0, 2) };
      const idx = DivisionIndex.read(packDivisions(new DivisionIndex(small).packTables(7))!, 7)!;
      expect(idx.version).toBe(source);
      expect(idx.provinces.map(where)).toEqual(new DivisionIndex(small).provinces.map(where));
    }
  });

  it('keeps its key ids and slots in 16-bit halves while they fit, in whole words past 65,535 (a list of 40,000 more townships)', () => {
    const halves = (b: Uint8Array): number[] => {
      // each map's third word (see the layout): the sections after the eleven fixed ones
      const w = new Int32Array(b.buffer, b.byteOffset, b.length / 4);
      const out: number[] = [];
      let at = 4;
      for (let i = 0; at < w.length; i++) {
        if (i >= 11) out.push(w[at + 3]!);
        at += 1 + w[at]!;
      }
      return out;
    };
    expect(halves(bytes)).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    // more strings than 16 bits number (key ids in words) and more townships than (the towns map's slots in words)
    const first = data.provinces[0]!;
    const city = first.cities[0]!;
    const extra = Array.from({ length: 40_000 }, (_, i) => `测${String.fromCharCode(0x4e00 + (i % 20000))}${String.fromCharCode(0x4e00 + Math.floor(i / 20000))}镇`);
    const big: DivisionData = {
      ...data,
      provinces: [{ ...first, cities: [{ ...city, counties: [...city.counties, { code: '999999', name: '测试县', towns: extra }] }, ...first.cities.slice(1)] }, ...data.provinces.slice(1)],
    };
    const bigBytes = packDivisions(new DivisionIndex(big).packTables(9))!;
    const flags = halves(bigBytes);
    expect(flags[7]).toBe(0);
    expect(flags[0]).toBe(2);
    const a = DivisionIndex.read(bigBytes, 9)!;
    const b = new DivisionIndex(big);
    for (const t of ['测试县' + extra[0], extra[39_999]!, extra[20_001]!, `${first.name}${city.name}${city.counties[0]!.name}${city.counties[0]!.towns[0] ?? ''}`, '溆浦县低庄镇', '东莞市虎门镇']) {
      expect(a.placesIn(t).map(show), t).toEqual(b.placesIn(t).map(show));
    }
    for (const { p, c, k } of counties.slice(0, 300)) {
      expect(where(a.county(k.name, c.name)), k.name).toBe(where(b.county(k.name, c.name)));
      expect(where(a.city(c.name, p.name))).toBe(where(b.city(c.name, p.name)));
    }
  });

  it('is refused when the bytes are not one this code reads, or were made from another list', () => {
    expect(DivisionIndex.read(bytes, text.length + 1)).toBeUndefined();
    expect(DivisionIndex.read(bytes.subarray(0, bytes.length - 4))).toBeUndefined();
    expect(DivisionIndex.read(new Uint8Array(64))).toBeUndefined();
    expect(DivisionIndex.read(new Uint8Array(0))).toBeUndefined();
    // another format number
    const other = Uint8Array.from(bytes);
    new DataView(other.buffer).setInt32(4, 999, true);
    expect(DivisionIndex.read(other)).toBeUndefined();
    // a section that claims more than the file has
    const cut = Uint8Array.from(bytes);
    new DataView(cut.buffer).setInt32(16, 0x7fffffff, true);
    expect(PackedDivisions.read(cut)).toBeUndefined();
    // bytes at an odd offset are copied, not misread
    const odd = new Uint8Array(bytes.length + 1);
    odd.set(bytes, 1);
    expect(DivisionIndex.read(odd.subarray(1))?.placesIn('溆浦县低庄镇').map(show)).toEqual(built.placesIn('溆浦县低庄镇').map(show));
  });
});
