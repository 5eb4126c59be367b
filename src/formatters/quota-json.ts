// quota --format json: the documented document (DOMAIN §10): per area each requirement, then findings and tableFaults, texts in `lang`.
import type { Lang } from '../core/model.js';
import { figureText, formatRange, type QuotaReport, type Range } from '../core/quota/index.js';
import { render } from './catalogue/index.js';

/**
 * The shape, stable for scripts and CI:
 * {
 *   "table": { "name", "year"?, "province", "origin" },   origin: "built-in" or the --table file
 *   "met": boolean,                                      every area meets every minimum
 *   "areas": [ { "area": "怀化市" | "省本级", "unit": as the table writes it, "level": "province" | "city",
 *                "met", "verdict",
 *                "requirements": [ { "id": "charity-local" | "charity-county" | "charity-subtotal" | "foundation-orgs"
 *                                    | "foundation-households" | "social-orgs" | "social-households",
 *                                    "label", "required", "upper" (null when none), "actual",
 *                                    "shortfall" (0 when met), "met", "over" } ],
 *                "notes": [text] } ],
 *   "organisations": { "checked": boolean, "findings": [ { "name", "type", "level", "city"?, "county"?, "area",
 *                      "households", "guidance": "3-10", "finding": "short" | "over", "severity": "warning" | "info",
 *                      "shortfall", "message" } ] },
 *   "demoSite": { "checked": boolean | null (null: the table has no site), "findings": [ { "area", "site",
 *                 "households", "inSite", "outside": [ { "name", "address", "file"?, "cell"? } ], "met", "message" } ] },
 *   "tableFaults": [ { "kind": "total" | "subtotal", "column": "socialOrgs" …, "label", "unit"?, "stated", "computed",
 *                      "message" } ],    stated/computed: a number, or for 扶贫户数 columns the range as text "30-100"
 *   "notInTable": [area], "notInInput": [unit], "notes": [text]
 * }
 * Texts (label, verdict, message, notes) are in `lang`.
 */
export function quotaReportToJson(report: QuotaReport, lang: Lang): QuotaReportJson {
  const figure = (v: number | Range): number | string => (typeof v === 'number' ? v : figureText(v));
  return {
    table: report.table,
    met: report.met,
    areas: report.areas.map((a) => ({
      area: a.area,
      unit: a.unit,
      level: a.level,
      met: a.met,
      verdict: render(a.verdict, lang),
      requirements: a.requirements.map((r) => ({
        id: r.id,
        label: render(r.label, lang),
        required: r.required,
        upper: r.upper ?? null,
        actual: r.actual,
        shortfall: r.shortfall,
        met: r.met,
        over: r.over,
      })),
      notes: a.notes.map((n) => render(n, lang)),
    })),
    organisations: {
      checked: report.orgChecks === 'done',
      findings: report.orgFindings.map((o) => ({
        name: o.name,
        type: o.type,
        level: o.level,
        ...(o.city !== undefined ? { city: o.city } : {}),
        ...(o.county !== undefined ? { county: o.county } : {}),
        area: o.area,
        households: o.households,
        guidance: formatRange(o.guidance),
        // the same shape as a requirement (DOMAIN §10): what is required, what was done, how far short, met or not
        required: o.guidance.min,
        upper: o.guidance.max ?? null,
        actual: o.households,
        met: o.kind !== 'short',
        finding: o.kind,
        severity: o.severity,
        shortfall: o.shortfall,
        message: render(o.message, lang),
      })),
    },
    demoSite: {
      checked: report.demoChecks === 'none' ? null : report.demoChecks === 'done',
      findings: report.demoSite.map((d) => ({
        area: d.area,
        site: `${d.site.city}${d.site.county}`,
        households: d.households,
        inSite: d.inSite,
        outside: d.outside,
        required: d.households,
        actual: d.inSite,
        shortfall: d.households - d.inSite,
        met: d.met,
        message: render(d.message, lang),
      })),
    },
    tableFaults: report.tableFaults.map((f) => ({
      kind: f.kind,
      column: f.column,
      label: render(f.label, lang),
      ...(f.unit !== undefined ? { unit: f.unit } : {}),
      stated: figure(f.stated),
      computed: figure(f.computed),
      message: render(f.message, lang),
    })),
    notInTable: report.notInTable,
    notInInput: report.notInInput,
    notes: report.notes.map((n) => render(n, lang)),
  };
}

export interface QuotaReportJson {
  table: QuotaReport['table'];
  met: boolean;
  areas: {
    area: string;
    unit: string;
    level: 'province' | 'city';
    met: boolean;
    verdict: string;
    requirements: {
      id: string;
      label: string;
      required: number;
      upper: number | null;
      actual: number;
      shortfall: number;
      met: boolean;
      over: boolean;
    }[];
    notes: string[];
  }[];
  organisations: {
    checked: boolean;
    findings: {
      name: string;
      type: string;
      level: string;
      city?: string;
      county?: string;
      area: string;
      households: number;
      guidance: string;
      required: number;
      upper: number | null;
      actual: number;
      met: boolean;
      finding: 'short' | 'over';
      severity: 'warning' | 'info';
      shortfall: number;
      message: string;
    }[];
  };
  demoSite: {
    checked: boolean | null;
    findings: {
      area: string;
      site: string;
      households: number;
      inSite: number;
      outside: { name: string; address: string; file?: string; cell?: string }[];
      required: number;
      actual: number;
      shortfall: number;
      met: boolean;
      message: string;
    }[];
  };
  tableFaults: {
    kind: 'total' | 'subtotal';
    column: string;
    label: string;
    unit?: string;
    stated: number | string;
    computed: number | string;
    message: string;
  }[];
  notInTable: string[];
  notInInput: string[];
  notes: string[];
}

export function formatQuotaJson(report: QuotaReport, lang: Lang): string {
  return `${JSON.stringify(quotaReportToJson(report, lang), null, 2)}\n`;
}
