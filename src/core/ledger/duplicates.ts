// One register per area (DOMAIN §10): two files holding registers of the same area — a resent 溆浦县 (1).xlsx beside
// 溆浦县.xlsx, a 溆浦县-修改版.xlsx — are never added together silently. A file that says it is a supplement (补报) adds its
// pairings to the main one; otherwise one version is counted (the newest by its name), every file is named with how the
// versions differ, and the command exits 1 until the clerk removes the others.
import { areaLabel } from '../area.js';
import type { Problem, Register } from '../model.js';
import type { CountedRegister } from '../rollup.js';

/** The words that make a file a supplement to the area's main register: its pairings are added, not a second version. */
const SUPPLEMENT = /补报|补充|增补|追加|新增/u;
/** Words and marks of a newer version in a file name. */
const REVISED = /修改|修订|更正|更新|最新|最终|定稿|终稿|新版|正式|[(（]\s*改\s*[)）]/u;
const COPY = /[(（]\s*(\d{1,3})\s*[)）]|副本|copy/iu;

/** How a file names itself: a supplement, a revised version, a copy (numbered), or just the area. */
function versionRank(file: string): number {
  const name = file.split('/').pop() ?? file;
  const n = COPY.exec(name);
  return (REVISED.test(name) ? 1000 : 0) + (n ? 1 + Number(n[1] ?? 0) : 0);
}

/** What a file would be called as a supplement: its name without copy marks, "-补报" added (溆浦县 (1).xlsx → 溆浦县-补报.xlsx). */
function supplementName(file: string): string {
  const name = file.split('/').pop() ?? file;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return `${stem.replace(COPY, '').replace(REVISED, '').replace(/[\s\-_—（()）]+$/u, '').trim() || stem}-补报${ext}`;
}

/** Of several versions of one file (by name), the one to count: the newest by its name, else the last by name. */
export function newestByName(files: readonly string[]): string | undefined {
  return [...files].sort((a, b) => versionRank(a) - versionRank(b) || (a < b ? -1 : 1)).at(-1);
}

function areaKey(r: Register): string | undefined {
  const a = r.area;
  if (a.level === 'unknown') return undefined;
  if (a.level === 'province') return `province|${a.province ?? ''}`;
  if (a.level === 'city') return a.city ? `city|${a.city}` : undefined;
  return a.county ? `county|${a.city ?? ''}|${a.county}|${a.town ?? ''}` : undefined;
}

export interface VersionDiff {
  /** Pairings (household + organisation) only in this file, only in the one counted, and in both with other values. */
  onlyHere: number;
  onlyThere: number;
  changed: number;
}

function compare(a: readonly CountedRegister[], b: readonly CountedRegister[]): VersionDiff {
  const sigs = (list: readonly CountedRegister[]): Map<string, number> => {
    const m = new Map<string, number>();
    // the household by name and address: a phone corrected between versions is a change, not another household
    for (const r of list) for (const p of r.rows) if (p.household !== undefined) m.set(`${r.rows.householdText(p.household).replace(/#\d+$/u, '')}\u0000${p.org ?? ''}`, p.sig);
    return m;
  };
  const x = sigs(a);
  const y = sigs(b);
  let onlyHere = 0;
  let changed = 0;
  for (const [k, s] of x) {
    const t = y.get(k);
    if (t === undefined) onlyHere++;
    else if (t !== s) changed++;
  }
  let onlyThere = 0;
  for (const k of y.keys()) if (!x.has(k)) onlyThere++;
  return { onlyHere, onlyThere, changed };
}

export interface AreaVersions {
  /** The registers to count. */
  counted: CountedRegister[];
  /** One finding per extra version (error) and per supplement (information), each naming the files. */
  problems: (Problem & { file: string })[];
}

/**
 * Keeps one version of each area's register. Registers of one file are one version (a register continued on a second
 * sheet); files of the same area whose name or title says 补报 are supplements and counted too.
 */
export function oneVersionPerArea(registers: readonly CountedRegister[]): AreaVersions {
  const byArea = new Map<string, Map<string, CountedRegister[]>>();
  const unplaced: CountedRegister[] = [];
  for (const r of registers) {
    const key = areaKey(r.register);
    if (key === undefined) {
      unplaced.push(r);
      continue;
    }
    const files = byArea.get(key) ?? new Map<string, CountedRegister[]>();
    files.set(r.register.file, [...(files.get(r.register.file) ?? []), r]);
    byArea.set(key, files);
  }
  const counted: CountedRegister[] = [...unplaced];
  const problems: AreaVersions['problems'] = [];
  for (const files of byArea.values()) {
    const list = [...files.entries()];
    if (list.length === 1) {
      counted.push(...list[0]![1]);
      continue;
    }
    const supplement = ([file, regs]: [string, CountedRegister[]]): boolean =>
      SUPPLEMENT.test(file.split('/').pop() ?? file) || regs.some((r) => r.register.titleLines.some((l) => SUPPLEMENT.test(l)));
    const supplements = list.filter(supplement);
    const versions = list.filter((e) => !supplement(e));
    const area = areaLabel(list[0]![1][0]!.register.area) ?? '';
    // the version counted: the newest by its name (修改版 over a numbered copy over the plain name), else the last by name
    const chosen = versions.length
      ? [...versions].sort((a, b) => versionRank(a[0]) - versionRank(b[0]) || (a[0] < b[0] ? -1 : 1)).at(-1)!
      : undefined;
    if (chosen) counted.push(...chosen[1]);
    for (const s of supplements) {
      counted.push(...s[1]);
      problems.push({
        rule: 'register-duplicate',
        messageId: 'supplement',
        severity: 'info',
        file: s[0],
        data: { area, file: s[0], main: chosen ? chosen[0] : '', rows: s[1].reduce((n, r) => n + r.rows.length, 0) },
      });
    }
    for (const [file, regs] of versions) {
      if (!chosen || file === chosen[0]) continue;
      const d = compare(regs, chosen[1]);
      problems.push({
        rule: 'register-duplicate',
        messageId: 'version',
        severity: 'error',
        file,
        data: { area, file, counted: chosen[0], onlyHere: d.onlyHere, onlyThere: d.onlyThere, changed: d.changed, example: supplementName(file) },
      });
    }
  }
  // keep the input order
  const order = new Map(registers.map((r, i) => [r, i]));
  counted.sort((a, b) => order.get(a)! - order.get(b)!);
  return { counted, problems };
}
