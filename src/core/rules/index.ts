// The register rules in the order they run: file-level first, then cell checks, then checks across rows.
import type { RuleModule } from './rule.js';
import columnMissing from './column-missing.js';
import requiredCell from './required-cell.js';
import dittoMark from './ditto-mark.js';
import serialNumber from './serial-number.js';
import personName from './person-name.js';
import nameSpacing from './name-spacing.js';
import phoneMissing from './phone-missing.js';
import phoneFormat from './phone-format.js';
import idNumber from './id-number.js';
import numberValue from './number-value.js';
import duplicatePairing from './duplicate-pairing.js';
import jointHousehold from './joint-household.js';
import sharedPhone from './shared-phone.js';
import orgNameVariant from './org-name-variant.js';
import orgTypeGuess from './org-type-guess.js';
import addressCounty from './address-county.js';
import addressTownship from './address-township.js';
import rosterMissing from './roster-missing.js';
import rosterMismatch from './roster-mismatch.js';

export const allRules: RuleModule[] = [
  columnMissing,
  requiredCell,
  dittoMark,
  serialNumber,
  personName,
  nameSpacing,
  phoneMissing,
  phoneFormat,
  idNumber,
  numberValue,
  duplicatePairing,
  jointHousehold,
  sharedPhone,
  orgNameVariant,
  orgTypeGuess,
  addressCounty,
  addressTownship,
  rosterMissing,
  rosterMismatch,
];

const byId = new Map<string, RuleModule>(allRules.map((r) => [r.meta.id, r]));

export function ruleById(id: string): RuleModule | undefined {
  return byId.get(id);
}
