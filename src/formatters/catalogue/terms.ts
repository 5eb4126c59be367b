// Words that go into other messages: organisation types, levels, kinds of place, labels of columns.
import type { Group } from './index.js';

export const TERMS = (): Group => ({
  'type-charity': { zh: '慈善系统', en: 'charity system' },
  'type-foundation': { zh: '基金会', en: 'foundation' },
  'type-social': { zh: '社会服务机构', en: 'social service organisation' },
  'type-social-form': { zh: '社会服务机构（民非）', en: 'social service organisations ("民非")' },
  'level-province': { zh: '省级', en: 'provincial' },
  'level-city': { zh: '市级', en: 'city' },
  'level-county': { zh: '县级', en: 'county' },
  'level-unknown': { zh: '层级不明', en: 'unknown level' },
  'city-kind': { zh: '市州', en: 'city' },
  'county-kind': { zh: '县市区', en: 'county' },
  'township-kind': { zh: '乡镇（街道）', en: 'township' },
  'this-province': { zh: '本省', en: 'the province' },
  'this-city': { zh: '本市', en: 'the city' },
  'row-n': { zh: '第 {row} 行', en: 'row {row}' },
  'province-level': { zh: '省本级', en: '"省本级" (provincial level)' },
  'city-level': { zh: '市本级', en: '"市本级" (city level)' },
  'city-level-of': { zh: '{city}本级', en: '"{city}本级"' },
  'total-row': { zh: '合计', en: 'total' },
  none: { zh: '（无）', en: '(none)' },
  list: { zh: '{items}', en: '{items}' },
  'severity-error': { zh: '错误', en: 'error' },
  'severity-warning': { zh: '警告', en: 'warning' },
  'severity-info': { zh: '提示', en: 'info' },
  quoted: { zh: '“{text}”', en: '"{text}"' },
});
