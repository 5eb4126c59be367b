// The masking rules of the public listing (core/publish/mask.ts).
import { describe, expect, it } from 'vitest';
import { maskName, publicPlace, scrubText } from '../../src/core/publish/mask.js';
import { HUNAN } from '../helpers/profile.js';

const divisions = HUNAN.divisions;
const XUPU = { level: 'county' as const, province: '湖南省', city: '怀化市', county: '溆浦县' };

describe('maskName', () => {
  it.each([
    ['张三', '张*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧阳**'],
    ['欧阳锋', '欧阳*'],
    ['司马光', '司马*'],
    ['爱新觉罗溥仪', '爱新觉罗**'],
    ['买买提·艾力', '买买提·**'],
    ['阿依古丽•吐尔逊', '阿依古丽·**'],
    ['张三(已故)', '张*'],
    ['谭桂英（户主）', '谭**'],
    ['张  三', '张*'],
    ['欧阳', '欧*'],
    ['张', '*'],
    ['', ''],
    ['Zhang San', '*'],
    ['·艾力', '**'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked);
  });

  it('never keeps two characters of a plain two- or three-character name', () => {
    for (const n of ['王小', '李秋菊', '周建国']) expect(maskName(n).replace(/\*/g, '')).toHaveLength(1);
  });
});

describe('publicPlace', () => {
  it('cuts after the village: no 组, no house number', () => {
    expect(publicPlace('溆浦县卢峰镇大湾村3组12号', XUPU, divisions)).toEqual({ city: '怀化市', county: '溆浦县', town: '卢峰镇', village: '大湾村' });
    expect(publicPlace('卢峰镇大湾村三组', XUPU, divisions)).toEqual({ city: '怀化市', county: '溆浦县', town: '卢峰镇', village: '大湾村' });
  });

  it('reads committees as the village and the county named in front', () => {
    expect(publicPlace('湖南省怀化市辰溪县火马冲镇大湾村民委员会第3组', XUPU, divisions)).toEqual({ city: '怀化市', county: '辰溪县', town: '火马冲镇', village: '大湾村' });
    expect(publicPlace('卢峰镇城东社区居委会5栋', XUPU, divisions).village).toBe('城东社区');
  });

  it('keeps only the township when no village is named (a road, a house number)', () => {
    expect(publicPlace('卢峰镇解放路18号', XUPU, divisions)).toEqual({ city: '怀化市', county: '溆浦县', town: '卢峰镇', village: '' });
    expect(publicPlace('解放路18号', XUPU, divisions)).toEqual({ city: '怀化市', county: '溆浦县', town: '', village: '' });
  });

  it('drops a village part that is not a plain name', () => {
    expect(publicPlace('卢峰镇建设路12号附近村', XUPU, divisions).village).toBe('');
  });

  it('level township drops the village', () => {
    expect(publicPlace('溆浦县卢峰镇大湾村3组', XUPU, divisions, 'township')).toEqual({ city: '怀化市', county: '溆浦县', town: '卢峰镇', village: '' });
  });

  it('without a county in the address or the area, leaves them blank', () => {
    expect(publicPlace('大湾村3组', { level: 'unknown' }, divisions)).toEqual({ city: '', county: '', town: '', village: '大湾村' });
  });
});

describe('scrubText', () => {
  it('masks phones and ID numbers however written', () => {
    expect(scrubText('联系电话13912345678')).toBe('联系电话***');
    expect(scrubText('电话 139-1234-5678 或 0745 2736282')).toBe('电话 *** 或 ***');
    expect(scrubText('身份证43122419800101123X')).toBe('身份证***');
    expect(scrubText('１３９１２３４５６７８')).toBe('***');
  });

  it('keeps short numbers (amounts, counts, dates)', () => {
    expect(scrubText('资助1200元，2人，2020年6月')).toBe('资助1200元，2人，2020年6月');
  });

  it("masks the head's name, also with its note or aligning spaces", () => {
    expect(scrubText('为张三家修缮住房', '张三')).toBe('为张*家修缮住房');
    expect(scrubText('为张三(已故)家送米', '张三(已故)')).toBe('为张*家送米');
    expect(scrubText('看望张 三', '张三')).toBe('看望张*');
    expect(scrubText('看望买买提·艾力', '买买提·艾力')).toBe('看望买买提·**');
  });
});
