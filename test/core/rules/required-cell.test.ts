// required-cell: 扶贫单位、户主姓名、家庭住址 empty in a pairing row.
import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/required-cell.js';
import { check, FORM_HEADER, makeRegister } from '../../helpers/register.js';

describe('required-cell', () => {
  it('passes complete rows', () => {
    const reg = makeRegister([FORM_HEADER, [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678']], { headerRow: 3 });
    expect(check(rule, reg)).toEqual([]);
  });

  it('reports each empty required cell, missing or blank', () => {
    const reg = makeRegister(
      [
        FORM_HEADER,
        [1, '溆浦县慈善会', '张三', '溆浦县卢峰镇大桥村', '13912345678'],
        [2, '', '李四', '溆浦县卢峰镇大桥村', '13912345679'],
        [3, '溆浦县慈善会', null, '   ', '13912345670'],
      ],
      { headerRow: 3 },
    );
    expect(check(rule, reg)).toEqual([
      { rule: 'required-cell', severity: 'error', cell: 'B5', messageId: 'org' },
      { rule: 'required-cell', severity: 'error', cell: 'C6', messageId: 'name' },
      { rule: 'required-cell', severity: 'error', cell: 'D6', messageId: 'address' },
    ]);
  });
});
