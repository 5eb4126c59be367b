// The rollup's roster and focus sections as sheet rows for `rollup -o …xlsx`: households still without a helper (IDs
// masked), and every focus place with its households and organisations (zero rows kept). Headers in the form's Chinese.
import type { RollupReport } from './rollup-report.js';

export type SheetRows = (string | number)[][];

export function whomSheets(report: RollupReport): { name: string; rows: SheetRows }[] {
  const out: { name: string; rows: SheetRows }[] = [];
  const ro = report.rosters;
  if (ro) {
    const rows: SheetRows = [
      ['名单户数', ro.listed],
      ['其中已结对', ro.listedPaired],
      ['已结对但不在名单上', ro.pairedNotListed],
      [],
      ['区县', '乡镇、村', '名单户数', '尚无结对', '户主姓名', '身份证号码', '名单', '名单行号'],
    ];
    for (const g of ro.gaps) for (const h of g.households) rows.push([g.county, g.place, g.listed, g.unpaired, h.name, h.id, h.roster, h.row]);
    out.push({ name: '名单核对', rows });
  }
  const fo = report.focus;
  if (fo) {
    const rows: SheetRows = [['类别', '重点地区', '结对户数', '帮扶单位数', '说明']];
    const unresolved = new Map(fo.unresolved.map((u) => [`${u.category}|${u.place}`, u.what]));
    for (const r of fo.rows) {
      const what = unresolved.get(`${r.category}|${r.place}`);
      rows.push([r.category, r.place, r.households, r.units, what === 'county' ? '区划表中无此区县' : what === 'township' ? '该区县下无此乡镇' : r.households === 0 ? '无人帮扶' : '']);
    }
    out.push({ name: '重点地区', rows });
  }
  return out;
}
