// The message groups of the catalogue, by id prefix (a finding's messages live with its rule; see index.ts). Each group is
// a function that makes it: a run makes the groups it renders from, and its code compiles only the functions it calls
// (the ~120 KB of texts of every other command are only skimmed, not compiled nor built into objects).
import { CLERK } from './clerk.js';
import { CARDS, CAT, CHECK, FIX, FIX_REASON, INIT, REGISTER_EMPTY_MSG, TEMPLATE, VALIDATE } from './commands.js';
import { CONFIG } from './config.js';
import { CLI, HELP } from './help.js';
import type { Group } from './index.js';
import { ORGS } from './orgs.js';
import { ANNOTATE, OUTPUT, PRINT } from './output.js';
import { QUOTA, QUOTA_FILE, QUOTA_PROGRESS } from './quota.js';
import { DIFF, PUBLISH } from './publish.js';
import { INPUT, LEFT_OUT, PASSED } from './read.js';
import { ROLLUP } from './rollup.js';
import { FOCUS, ROSTER } from './roster.js';
import { SERVE } from './serve.js';
import { TERMS } from './terms.js';
import { CHECK_VIEW, GITHUB, HEAD, JUNIT, ORGS_VIEW, QUOTA_VIEW, REPORT, ROLLUP_VIEW } from './views.js';

export const GROUPS: Record<string, () => Group> = {
  help: HELP,
  cli: CLI,
  clerk: CLERK,
  term: TERMS,
  rollup: ROLLUP,
  passed: PASSED,
  'left-out': LEFT_OUT,
  input: INPUT,
  config: CONFIG,
  output: OUTPUT,
  annotate: ANNOTATE,
  print: PRINT,
  validate: VALIDATE,
  cards: CARDS,
  fix: FIX,
  cat: CAT,
  template: TEMPLATE,
  init: INIT,
  check: CHECK,
  'register-empty': REGISTER_EMPTY_MSG,
  'fix-reason': FIX_REASON,
  orgs: ORGS,
  quota: QUOTA,
  'quota-file': QUOTA_FILE,
  'quota-progress': QUOTA_PROGRESS,
  head: HEAD,
  report: REPORT,
  'rollup-view': ROLLUP_VIEW,
  'quota-view': QUOTA_VIEW,
  'orgs-view': ORGS_VIEW,
  'check-view': CHECK_VIEW,
  junit: JUNIT,
  github: GITHUB,
  roster: ROSTER,
  focus: FOCUS,
  serve: SERVE,
  publish: PUBLISH,
  diff: DIFF,
};
