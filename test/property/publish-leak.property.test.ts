// The publish guarantee as a property (issue 15): over 1,000 generated registers — names with compound surnames, dots,
// notes and aligning spaces; phones in every spelling; ID numbers; addresses with and without county, township,
// village, 组, 号, roads; measures that name the head and give a phone; notes; a members' column — no published output
// (JSON, CSV, HTML, the terminal summary) contains a head's full name, 7 digits of a phone or ID number, an ID number,
// an address part below the village, a note or a member's name. Fails on the first leak, naming it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HouseholdIndex } from '../../src/core/household.js';
import type { Ledger } from '../../src/core/ledger/model.js';
import type { Register } from '../../src/core/model.js';
import { planPublish, publicRows } from '../../src/core/publish/listing.js';
import type { PublishLevel } from '../../src/core/publish/mask.js';
import { formatPublishCsv, formatPublishHtml, formatPublishJson, formatPublishPretty, publishDocument } from '../../src/formatters/publish.js';
import { addRowSecrets, emptySecrets, findLeak } from '../helpers/leaks.js';
import { HUNAN } from '../helpers/profile.js';
import { makeRegister } from '../helpers/register.js';

const divisions = HUNAN.divisions;
const AREA: Register['area'] = { level: 'county', province: '湖南省', city: '怀化市', county: '溆浦县', source: 'path' };

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '欧阳', '司马', '诸葛', '上官', '谭', '覃'];
const GIVEN = [...'秋菊建国春梅志强桂英德明玉兰红军秀珍海涛金花小平伟芳娜静敏'];
const given = fc.array(fc.constantFrom(...GIVEN), { minLength: 1, maxLength: 3 }).map((a) => a.join(''));
const plainName = fc.tuple(fc.constantFrom(...SURNAMES), given).map(([s, g]) => s + g);
const name = fc.oneof(
  { weight: 6, arbitrary: plainName },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('买买提', '阿依古丽', '热依拉', '艾尼瓦尔'), fc.constantFrom('·', '•', '・'), fc.constantFrom('艾力', '吐尔逊', '买买提明')).map(([a, d, b]) => a + d + b) },
  { weight: 1, arbitrary: plainName.map((n) => `${n}(${['已故', '户主', '低保'][n.length % 3]})`) },
  { weight: 1, arbitrary: plainName.map((n) => (n.length === 2 ? `${n[0]}  ${n[1]}` : n)) },
);

const digit = fc.integer({ min: 0, max: 9 }).map(String);
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
const mobile = fc.tuple(fc.constantFrom('13', '15', '17', '18', '19'), digits(9)).map(([a, b]) => a + b);
const phone = fc.oneof(
  mobile,
  mobile.map((m) => `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`),
  mobile.map((m) => `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`),
  mobile.map((m) => m.replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)))),
  fc.tuple(mobile, digits(8)).map(([m, l]) => `${m}/0745-${l}`),
  fc.constant(''),
);
const idNumber = fc.oneof(fc.tuple(digits(17), fc.constantFrom('0', '5', 'X')).map(([a, b]) => a + b), digits(15), fc.constant(''));

const TOWNS = ['卢峰镇', '低庄镇', '观音阁镇', '大江口镇', '龙潭镇', '沿溪乡'];
const VILLAGES = ['大湾村', '响水村', '杨柳村', '荷花村', '城东社区', '檀木村'];
const address = fc
  .record({
    county: fc.constantFrom('', '溆浦县', '湖南省怀化市溆浦县'),
    town: fc.constantFrom('', ...TOWNS),
    village: fc.constantFrom('', ...VILLAGES, '大湾村委会', '城东社区居委会'),
    group: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 15 }).map((n) => `${n}组`), fc.constantFrom('三组', '第十二组', '5村民小组')),
    house: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 300 }).map((n) => `${n}号`), fc.constantFrom('解放路18号', '新街3栋201室', '附7号')),
  })
  .map((a) => a.county + a.town + a.village + a.group + a.house);
const ORGS = ['溆浦县慈善会', '怀化市慈善总会', '怀化市教育基金会', '溆浦县红枫义工协会'];
const MEASURES = ['产业扶持：赠送猪仔', '助学：资助子女学费', '医疗救助', ''];

const row = fc.record({
  org: fc.constantFrom(...ORGS),
  name,
  address,
  phone,
  id: idNumber,
  members: fc.tuple(plainName, plainName).map(([a, b]) => `${a}（妻）、${b}（子）`),
  measures: fc.constantFrom(...MEASURES),
  measuresNames: fc.boolean(),
  amount: fc.integer({ min: 0, max: 50000 }),
  status: fc.constantFrom('已脱贫', '未脱贫', ''),
  note: fc.constantFrom('', '低保户', '户主长期外出务工', '五保户'),
});

const HEADER = ['序号', '扶贫单位或者机构名称', '扶贫户主姓名', '扶贫家庭住址', '联系方式', '身份证号码', '家庭成员', '帮扶措施', '帮扶资金(元)', '脱贫状态', '备注'];

describe('publish never leaks', () => {
  it('no head name, phone, ID number, address detail, note or member name in any output (1,000 registers)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.constantFrom<PublishLevel>('village', 'township'), fc.constantFrom<'zh' | 'en'>('zh', 'en'), (rows, level, lang) => {
        const table = rows.map((r, i) => [
          i + 1,
          r.org,
          r.name,
          r.address,
          r.phone,
          r.id,
          r.members,
          // a clerk writing the head's name and phone into the measures
          r.measuresNames ? `为${r.name}家修缮住房，联系${r.phone || '13800000000'}` : r.measures,
          r.amount,
          r.status,
          r.note,
        ]);
        const register = makeRegister([HEADER, ...table], { area: AREA });
        const secrets = emptySecrets();
        const index = new HouseholdIndex(divisions);
        const v = publicRows(index, level).create(register, undefined as never);
        for (const r of register.rows) {
          addRowSecrets(secrets, r, register, divisions);
          v.row(r);
        }
        // the measures' own fallback phone is a phone too
        secrets.digits.add('13800000000');
        const ledger = { profile: HUNAN, files: [{ registers: [{ register, results: { publish: v.end() } }] }], passedOver: [], registryProblems: [] } as unknown as Ledger;
        const listing = planPublish(ledger, level);
        const doc = publishDocument(listing, '湖南省', lang);
        const fixed = [doc.title, doc.note, ...doc.tables.flatMap((t) => [t.name, ...t.header]), ...MEASURES, '为家修缮住房联系'];
        for (const [format, out] of [
          ['json', formatPublishJson(listing, doc)],
          ['csv', formatPublishCsv(doc)],
          ['html', formatPublishHtml(doc, lang)],
          ['pretty', formatPublishPretty(doc)],
        ] as const) {
          const leak = findLeak(out, secrets, fixed);
          expect(leak, `${format} output leaks ${leak}`).toBeUndefined();
        }
      }),
      { numRuns: 1000 },
    );
  }, 300_000);

  it('an amount column holding a phone number is neither published nor added up, and counted as dropped', () => {
    const register = makeRegister([HEADER, [1, '溆浦县慈善会', '张三', '卢峰镇大湾村3组', '', '', '', '', '13912345678', '', ''], [2, '溆浦县慈善会', '李四', '卢峰镇大湾村4组', '', '', '', '', '1200元', '', '']], { area: AREA });
    const v = publicRows(new HouseholdIndex(divisions), 'village').create(register, undefined as never);
    for (const r of register.rows) v.row(r);
    const ledger = { profile: HUNAN, files: [{ registers: [{ register, results: { publish: v.end() } }] }], passedOver: [], registryProblems: [] } as unknown as Ledger;
    const listing = planPublish(ledger, 'village');
    expect(listing.entries.map((e) => e.amount)).toEqual([undefined, 1200]);
    expect(listing.totals.amount).toBe(1200);
    expect(listing.amountsDropped).toBe(1);
  });

  it('the leak check itself finds each kind of leak (so the property can fail)', () => {
    const register = makeRegister([HEADER, [1, '溆浦县慈善会', '张三丰(已故)', '卢峰镇大湾村3组12号', '139-1234-5678', '43122419800101123X', '李四（妻）', '', 100, '', '低保户']], { area: AREA });
    const secrets = emptySecrets();
    addRowSecrets(secrets, register.rows[0]!, register, divisions);
    for (const leaky of ['张三丰', '已故', '电话13912345678', '尾号2345678', '43122419800101123X', '3组12号', '低保户', '李四']) {
      expect(findLeak(`公示 ${leaky} 完`, secrets), leaky).toBeDefined();
    }
    expect(findLeak('卢峰镇大湾村 张** 溆浦县慈善会 100', secrets)).toBeUndefined();
  });
});
