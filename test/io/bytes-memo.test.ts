// BytesMemo: a value found again only by byte-for-byte equal bytes under its key; kept only when made; bounded.
import { describe, expect, it } from 'vitest';
import { BytesMemo } from '../../src/io/bytes-memo.js';

describe('BytesMemo', () => {
  it('gives the value made for equal bytes, and makes again for other bytes under the same key', () => {
    const memo = new BytesMemo<string>(10);
    let made = 0;
    const make = (v: string) => () => (made++, v);
    expect(memo.get('k', Buffer.from('abc'), make('first'))).toBe('first');
    expect(memo.get('k', Buffer.from('abc'), make('again'))).toBe('first');
    expect(memo.get('k', Buffer.from('abd'), make('other'))).toBe('other');
    expect(memo.get('j', Buffer.from('abc'), make('key j'))).toBe('key j');
    expect(made).toBe(3);
    expect(memo.size).toBe(3);
  });

  it('keeps a copy of the bytes (the buffer given may be used again) and nothing when make throws', () => {
    const memo = new BytesMemo<number>(10);
    const buf = Buffer.from('abc');
    memo.get('k', buf, () => 1);
    buf.write('xyz');
    expect(memo.get('k', Buffer.from('abc'), () => 2)).toBe(1);
    expect(() => memo.get('k', Buffer.from('bad'), () => { throw new Error('damaged'); })).toThrow('damaged');
    expect(memo.get('k', Buffer.from('bad'), () => 3)).toBe(3);
  });

  it('starts again when full, and a value made then is kept in the new table (found again under a key used before)', () => {
    const memo = new BytesMemo<number>(2);
    memo.get('k', Buffer.from('a'), () => 1);
    memo.get('k', Buffer.from('b'), () => 2);
    // full: this one starts the table again, under the key whose list the old table had
    expect(memo.get('k', Buffer.from('c'), () => 3)).toBe(3);
    expect(memo.size).toBe(1);
    expect(memo.get('k', Buffer.from('c'), () => 4)).toBe(3);
    expect(memo.get('k', Buffer.from('a'), () => 5)).toBe(5);
  });
});
