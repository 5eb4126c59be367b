// The rows of a 附3 统计表 as rollup's JSON and the generators' truth files write them, and the ways tests compare them.
export interface Pair {
  units: number;
  households: number;
}
export interface Row {
  unit: string;
  charity: Pair;
  foundation: Pair;
  social: Pair;
  subtotal: Pair;
}
/** A row's figures without its unit (a 合计). */
export type Figures = Omit<Row, 'unit'>;

/** The eight figures in the form's column order. */
export const eight = (r: Figures): number[] => [r.charity, r.foundation, r.social, r.subtotal].flatMap((p) => [p.units, p.households]);

/** Only what DOMAIN §10 puts in a row (truth files carry level and city too). */
export const measures = (r: Figures): Figures => ({ charity: r.charity, foundation: r.foundation, social: r.social, subtotal: r.subtotal });
