// The JSON form of a custom quota table: its shape checked with zod, errors naming the JSON path (rows[3].foundationHouseholds);
// the table is then read by quotaTableFromJson (./parse.ts). Its own module so that zod is loaded only when a JSON table is
// read: the built-in tables are checked at build time (./builtin-check.ts) and read without it.
import { z } from 'zod';
import { quotaText, type Text } from './messages.js';
import { Builder, jsonLocator, quotaTableFromJson, shown, type QuotaParseOptions, type QuotaParseResult } from './parse.js';
import { QUOTA_COLUMNS, RANGE_COLUMNS, type QuotaColumn } from './table.js';

const Count = z.union([z.number(), z.string(), z.null()]);
const RangeIn = z.union([
  z.number(),
  z.string(),
  z.null(),
  z.tuple([z.number(), z.number()]),
  z.object({ min: z.number(), max: z.number().nullable().optional() }).strict(),
]);
const figureShape = {
  charityLocal: Count.optional(),
  charityCounty: Count.optional(),
  charitySubtotal: Count.optional(),
  foundationOrgs: Count.optional(),
  foundationHouseholds: RangeIn.optional(),
  socialOrgs: Count.optional(),
  socialHouseholds: RangeIn.optional(),
};
const RowSchema = z.object({ unit: z.string(), city: z.string().optional(), ...figureShape }).strict();
const GuidanceSchema = z
  .object({
    level: z.enum(['province', 'city', 'county']),
    type: z.enum(['charity', 'foundation', 'social']),
    households: RangeIn,
    source: z.string().optional(),
  })
  .strict();
const DemoSchema = z
  .object({ city: z.string(), county: z.string(), units: z.array(z.string()).min(1), source: z.string().optional() })
  .strict();
const TableSchema = z
  .object({
    name: z.string().optional(),
    /** The document the table comes from (湘慈办发〔2016〕6号 附4), shown with it. */
    source: z.string().optional(),
    year: z.number().int().optional(),
    province: z.string().optional(),
    rows: z.array(RowSchema),
    total: z.object(figureShape).strict().optional(),
    perOrg: z.array(GuidanceSchema).optional(),
    demoSite: DemoSchema.optional(),
    notes: z.array(z.string()).optional(),
  })
  .strict();

/** The JSON form of a custom quota table (what parseQuotaJson accepts; `fupin template quota --format json` can write it). */
export type QuotaTableJson = z.input<typeof TableSchema>;

const ALLOWED_KEYS: Record<string, string[]> = {
  '': Object.keys(TableSchema.shape),
  rows: Object.keys(RowSchema.shape),
  total: Object.keys(figureShape),
  perOrg: Object.keys(GuidanceSchema.shape),
  demoSite: Object.keys(DemoSchema.shape),
};

/** The table as parseQuotaJson's check returns it (what quotaTableFromJson reads). */
export type QuotaTableData = z.output<typeof TableSchema>;

const EXPECTED: Record<string, Text> = {
  number: quotaText('expected-number'),
  string: quotaText('expected-string'),
  object: quotaText('expected-object'),
  array: quotaText('expected-array'),
  int: quotaText('expected-int'),
  count: quotaText('expected-count'),
  range: quotaText('expected-range'),
};

/**
 * A quota table from JSON: { name?, year?, province?, rows: [{ unit, city?, charityLocal?, charityCounty?,
 * charitySubtotal?, foundationOrgs?, foundationHouseholds?, socialOrgs?, socialHouseholds? }], total?: {…same
 * figures}, perOrg?: [{ level, type, households }], demoSite?: { city, county, units: ["省本级", "怀化市本级"] },
 * notes?: [] }. Counts are numbers or digit strings; ranges are "9-12", 9, [9, 12] or { "min": 9, "max": 12 }
 * (the same spellings as in a grid). Errors name the JSON path, e.g. rows[3].foundationHouseholds.
 */
export function parseQuotaJson(value: unknown, file: string, options: QuotaParseOptions): QuotaParseResult {
  const fileAt = file;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { errors: [{ id: 'json-not-object', path: '', message: quotaText('json-not-object', { at: fileAt }) }] };
  }
  const locOf = jsonLocator(value, file);

  const checked = TableSchema.safeParse(value);
  if (!checked.success) {
    const b = new Builder('', []);
    for (const issue of checked.error.issues) {
      const loc = locOf(issue.path);
      const last = issue.path[issue.path.length - 1];
      const key = typeof last === 'string' ? last : '';
      if (issue.code === 'unrecognized_keys') {
        const ctx = typeof issue.path[0] === 'string' ? issue.path[0] : '';
        for (const k of issue.keys) {
          b.fail(locOf([...issue.path, k]), {
            id: 'json-unknown-key',
            data: { value: k, allowed: (ALLOWED_KEYS[ctx] ?? []).join(', ') },
          });
        }
      } else if (issue.code === 'invalid_type' && issue.input === undefined) {
        b.fail(loc, { id: 'json-missing' });
      } else if (issue.code === 'invalid_value') {
        b.fail(loc, { id: 'json-enum', data: { value: shown(issue.input), allowed: issue.values.map(String).join(', ') } });
      } else {
        const expected = RANGE_COLUMNS.has(key as QuotaColumn) || key === 'households'
          ? EXPECTED.range!
          : (QUOTA_COLUMNS as readonly string[]).includes(key)
            ? EXPECTED.count!
            : issue.code === 'invalid_type'
              ? EXPECTED[issue.expected] ?? quotaText('expected-other', { what: issue.expected })
              : quotaText('expected-other', { what: issue.message });
        b.fail(loc, { id: 'json-type', data: { expected } });
      }
    }
    return { errors: b.errors };
  }

  return quotaTableFromJson(checked.data, file, options);
}
