// The township tables made at build time (townTableOf, stored in dist/data/divisions.json) make an index that answers
// exactly as one that makes its own tables on first use.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DivisionIndex, packTownTable, townTableOf, unpackTownTable, type DivisionData, type PlaceMatch } from '../../src/core/divisions.js';

const data = JSON.parse(readFileSync(new URL('../../src/data/divisions.json', import.meta.url), 'utf8')) as DivisionData;

const show = (idx: DivisionIndex) => (m: PlaceMatch) => `${m.level}:${m.text}@${m.index}=${m.places.map((p) => idx.label(p)).join('|')}/${m.how}`;

describe('build-time township tables', () => {
  const lazy = new DivisionIndex(data);
  const table = townTableOf(new DivisionIndex(data));
  const built = new DivisionIndex({ ...data, townTable: JSON.parse(JSON.stringify(table)) });
  // as the build stores them: the numbers as bytes (dist/data/town-table.bin), the rest in the JSON
  const packed = packTownTable(table)!;
  const fromBytes = new DivisionIndex({ ...data, townTable: unpackTownTable(Uint8Array.from(packed.bytes), JSON.parse(JSON.stringify(packed.text)))! });
  // a table from an earlier build: names only, no hash slots nor lengths (the index builds its Map)
  const { slots: _slots, lengths: _lengths, marks: _marks, ...namesOnly } = table;
  const older = new DivisionIndex({ ...data, townTable: JSON.parse(JSON.stringify(namesOnly)) });

  it('hold every township name once with its counties, and come back the same from an index made with them', () => {
    expect(table.keys.length).toBeGreaterThan(30_000);
    expect(new Set(table.keys).size).toBe(table.keys.length);
    expect(table.owners).toHaveLength(table.keys.length);
    expect(townTableOf(built)).toEqual(table);
    expect(townTableOf(older)).toEqual(table);
    // the hash slots: a power of two of uint32, every name in one of them
    const slots = Buffer.from(table.slots!, 'base64');
    expect(slots.length / 4).toBeGreaterThanOrEqual(table.keys.length * 2);
    expect(new Uint32Array(slots.buffer, slots.byteOffset, slots.length / 4).filter((s) => s !== 0)).toHaveLength(table.keys.length);
    expect(table.lengths).toContain(3);
    // the characters other than Han in names, the same from the table as from a pass over the list
    expect(table.marks!.length).toBeGreaterThan(0);
    expect([...built.nameMarks()].sort()).toEqual([...lazy.nameMarks()].sort());
    expect([...older.nameMarks()].sort()).toEqual([...lazy.nameMarks()].sort());
    // names kept as text: the ethnic aliases (后塘乡 for 后塘瑶族乡) and names written otherwise in the list
    expect(table.keys.filter((k) => typeof k === 'string').length).toBeGreaterThan(100);
    // 花桥镇: a name of many counties
    const flat = data.provinces.flatMap((p) => p.cities.flatMap((c) => c.counties.flatMap((k) => k.towns)));
    const i = table.keys.findIndex((k) => k === '花桥镇' || (typeof k === 'number' && flat[k] === '花桥镇'));
    expect((table.owners[i] as number[]).length).toBeGreaterThan(10);
  });

  it('read addresses exactly as tables made on first use do', () => {
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
    ];
    for (const scope of scopes) {
      for (const t of texts) {
        expect(built.placesIn(t, scope).map(show(built)), `${t} ${JSON.stringify(scope)}`).toEqual(lazy.placesIn(t, scope).map(show(lazy)));
        expect(older.placesIn(t, scope).map(show(older)), `${t} ${JSON.stringify(scope)}`).toEqual(lazy.placesIn(t, scope).map(show(lazy)));
      }
    }
    for (const t of texts) expect(built.leadingCounty(t).county?.code).toBe(lazy.leadingCounty(t).county?.code);
    for (const t of texts) expect(older.leadingCounty(t).county?.code).toBe(lazy.leadingCounty(t).county?.code);
    for (const scope of scopes) {
      for (const t of texts) expect(fromBytes.placesIn(t, scope).map(show(fromBytes)), `${t} ${JSON.stringify(scope)}`).toEqual(lazy.placesIn(t, scope).map(show(lazy)));
    }
  });

  it('stored as bytes and text, come back the same; bytes that are not a table, or a JSON part alone, give an index that makes its own', () => {
    expect(packed.bytes.length % 4).toBe(0);
    expect(JSON.stringify(packed.text)).not.toMatch(/"keys"|"owners"|"slots"/);
    const back = unpackTownTable(packed.bytes, packed.text)!;
    const slots = Buffer.from(table.slots as string, 'base64');
    expect({ ...back, slots: Buffer.from((back.slots as Uint32Array).buffer, (back.slots as Uint32Array).byteOffset, slots.length) }).toEqual({ ...table, slots });
    expect(townTableOf(fromBytes)).toEqual(table);
    expect(unpackTownTable(packed.bytes.subarray(0, packed.bytes.length - 4), packed.text)).toBeUndefined();
    expect(unpackTownTable(new Uint8Array(64), packed.text)).toBeUndefined();
    const textOnly = new DivisionIndex({ ...data, townTable: packed.text as never });
    expect(textOnly.placesIn('溆浦县低庄镇大湾村').map(show(textOnly))).toEqual(lazy.placesIn('溆浦县低庄镇大湾村').map(show(lazy)));
  });
});
