// quota --format json: the documented document (DOMAIN §10, core/quota/json.ts) as text, one JSON document on stdout.
import type { Lang } from '../core/model.js';
import { quotaReportToJson, type QuotaReport } from '../core/quota/index.js';

export function formatQuotaJson(report: QuotaReport, lang: Lang): string {
  return `${JSON.stringify(quotaReportToJson(report, lang), null, 2)}\n`;
}
