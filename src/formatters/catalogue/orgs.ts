// fupin orgs: how an organisation's type was decided, and what the command says.
import type { Group } from './index.js';

export const ORGS = (): Group => ({
  'basis-column': { zh: '类型列：{text}', en: 'type column: {text}' },
  'basis-registry': { zh: 'orgs.csv 第 {row} 行：{name}', en: 'orgs.csv line {row}: {name}' },
  'basis-name': { zh: '名称含“{keyword}”', en: 'name contains "{keyword}"' },
  'basis-default': { zh: '无法判断，按社会服务机构计', en: 'no rule fits; counted as a social service organisation' },
  'basis-default-short': { zh: '无法判断→按社会服务机构计', en: 'no rule fits → counted as social service organisation' },
  'bad-output': { zh: '-o 只能写 .csv（单位名录 orgs.csv）或 .json 文件（收到 “{value}”）', en: '-o must name a .csv (the orgs.csv registry) or .json file (got "{value}")' },
  'no-paths': { zh: '请指定登记表文件或文件夹，例如：fupin orgs 怀化市', en: 'give register files or folders, e.g. fupin orgs "怀化市"' },
  'no-registers': { zh: '{paths} 中没有可读的登记表', en: 'no readable registers in {paths}' },
});
