// phone-format: 联系方式 must hold mobiles or landlines; Excel's scientific notation, letters and lengths are errors.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/phone-format.js';
import { check, FORM_HEADER, makeRegister, num, problemsOf, type CellInput } from '../../helpers/register.js';

function withPhones(phones: CellInput[]) {
  return makeRegister([FORM_HEADER, ...phones.map((p, i) => [i + 1, '溆浦县慈善会', `张${'一二三四五六七八九十'[i]}`, '溆浦县卢峰镇', p])], {
    headerRow: 3,
  });
}

const e = (cell: string, messageId: string) => ({ rule: 'phone-format', severity: 'error', cell, messageId });

describe('phone-format', () => {
  it('accepts mobiles, landlines, several numbers, numeric mobiles and full-width text', () => {
    const phones: CellInput[] = [
      '13912345678',
      13912345678,
      '0745-1234567',
      '（0745）1234567',
      '１３９１２３４５６７８',
      '13912345678/0745-1234567转8',
      '139 1234 5678',
      num(13912345678, '0'),
    ];
    expect(check(rule, withPhones(phones))).toEqual([]);
  });

  it('leaves empty and "无" cells to phone-missing', () => {
    expect(check(rule, withPhones(['', null, '无', '/']))).toEqual([]);
  });

  it('reports scientific notation, letters, wrong lengths and bad prefixes', () => {
    const reg = withPhones(['1.39123E+10', '1.39E+10', '139l2345678', '1391234567', '12345678901', '07-1234567', '同上']);
    expect(check(rule, reg)).toEqual([
      e('E4', 'scientific'),
      e('E5', 'scientific'),
      e('E6', 'letters'),
      e('E7', 'length'),
      e('E8', 'mobile-prefix'),
      e('E9', 'area-code'),
      e('E10', 'characters'),
    ]);
  });

  it('the length message says how many digits were found', () => {
    const [p] = problemsOf(rule, withPhones(['1391234567']));
    expect(p.data).toMatchObject({ number: '1391234567', count: 10 });
    expect(p.value).toBe('1391234567');
  });

  it('numeric cells: 12+ digits, fractions, lost leading zero', () => {
    const problems = problemsOf(rule, withPhones([139123456789, 13912345678.5, 7451234567, num(13912300000, '0.00E+00')]));
    expect(problems.map((p) => [p.cell, p.severity, p.messageId, p.data?.fixed])).toEqual([
      ['E4', 'error', 'length', undefined],
      ['E5', 'error', 'fraction', undefined],
      ['E6', 'error', 'leading-zero', '0745-1234567'],
      ['E7', 'error', 'scientific', undefined],
    ]);
  });

  it('a local number without area code is a warning', () => {
    expect(check(rule, withPhones(['4321234']))).toEqual([{ rule: 'phone-format', severity: 'warning', cell: 'E4', messageId: 'no-area-code' }]);
  });

  it('reports each bad number of a cell', () => {
    const problems = problemsOf(rule, withPhones(['13912345678/1391234567、139l2345678']));
    expect(problems.map((p) => [p.cell, p.messageId, p.data?.number])).toEqual([
      ['E4', 'length', '1391234567'],
      ['E4', 'letters', '139l2345678'],
    ]);
  });
});
