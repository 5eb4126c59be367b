// What the two address rules share: the register's own place in the division list, and each address judged once.
import type { Area, RegisterRow } from './model.js';
import type { DivisionIndex, Place } from './divisions.js';
import { isDittoMark } from './normalize.js';
import { RowFacts } from './row-facts.js';
import type { RuleContext, RuleVisitor } from './rules/rule.js';

/**
 * The register's area as a place of the index, at the area's own level (a county register: its county); undefined
 * when the index does not know it that precisely (the address rules are then skipped). A stale code is ignored.
 */
export function homePlace(idx: DivisionIndex, area: Area): Place | undefined {
  if (area.level === 'unknown') return undefined;
  let home = idx.placeOf(area);
  if (home && home.level !== area.level) home = idx.placeOf({ ...area, code: undefined });
  return home && home.level === area.level ? home : undefined;
}

/**
 * A row visitor that judges each non-blank address once per finding key (place-memo.ts: addresses differing only in
 * house numbers and punctuation share one) and reports every row whose address has a finding. A cell holding a ditto
 * mark is passed over: its address is the row above's, judged there, and the mark is ditto-mark's to report.
 */
export function eachAddress<F>(
  ctx: RuleContext,
  idx: DivisionIndex,
  judge: (compacted: string) => F | null,
  report: (row: RegisterRow, finding: F) => void,
): RuleVisitor {
  // what was found, by the address's finding number (RowFacts.addressFindingNo), for the numbers' epoch
  let findings: (F | null)[] = [];
  let epoch = -1;
  const facts = ctx.facts ?? new RowFacts(ctx.options.divisions, ctx.register.area);
  return {
    row(row) {
      const f = row.fields.address;
      // a ditto mark (同上) is ditto-mark's finding, whether counted as the row above's address or unresolved
      if (!f || f.ditto !== undefined) return;
      const text = facts.compactAddress(row);
      if (text === '') return; // blank (compact is empty exactly when normText is)
      if (text.length <= 6 && isDittoMark(text)) return;
      const no = facts.addressFindingNo(row);
      if (facts.findingEpoch !== epoch) {
        findings = [];
        epoch = facts.findingEpoch;
      }
      let finding = findings[no];
      if (finding === undefined) {
        finding = judge(text);
        findings[no] = finding;
      }
      if (finding !== null) report(row, finding);
    },
  };
}
