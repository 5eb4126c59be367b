// check --format json: one document { validate, rollup, quota, summary } — each part the document its own command prints.
import { quotaReportToJson } from './quota-json.js';
import type { CheckReport } from './check-report.js';
import { formatJson } from './json.js';
import { formatRollupJson } from './rollup-json.js';

/**
 * {
 *   "validate": <fupin validate --format json>,
 *   "rollup":   <fupin rollup --format json> | null (nothing to roll up: see notes),
 *   "quota":    <fupin quota --format json> | null (not checked: see notes),
 *   "problems": [ { "section": "validate" | "rollup" | "quota", "file"?, "sheet"?, "row"?, "cell"?, "column"?, "value"?,
 *                   "area"?, "rule", "severity", "message" } ],   every problem, as --format github annotates them
 *   "config":   { "file"?, "province", "year"?, "quotaTable", "strict", "quotaFindings" },
 *   "deadlines": [ { "name", "date", "daysLeft" } ],
 *   "notes":    [text],
 *   "summary":  { "files", "registers", "emptyRegisters", "rows", "errors", "warnings", "infos", "quotaMet", "passed", "exitCode",
 *                 "rosters"?: { "listed", "listedPaired", "pairedNotListed", "villagesUnpaired" },     with rosters
 *                 "focus"?: [ { "category", "places", "unhelped": [place] } ] }                        with focus lists
 *   (with rosters or focus lists, "rollup" also has rollup's "rosters" and "focus…" sections)
 * }
 */
export function checkDocument(report: CheckReport): Record<string, unknown> {
  const notes = [report.skipped.rollup, report.skipped.quota].filter((n): n is string => n !== undefined);
  return {
    validate: JSON.parse(formatJson(report.validation)) as unknown,
    rollup: report.rollup ? (JSON.parse(formatRollupJson(report.rollup)) as unknown) : null,
    quota: report.quota ? quotaReportToJson(report.quota, report.lang) : null,
    problems: report.problems,
    config: report.config,
    deadlines: report.deadlines,
    notes,
    summary: report.summary,
  };
}

export function formatCheckJson(report: CheckReport): string {
  return `${JSON.stringify(checkDocument(report), null, 2)}\n`;
}
