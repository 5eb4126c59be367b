// Hand-written quota figures for the formatter tests: 长沙市 (15, 85, 5 / 10-15, 5 / 5-10) all met, foundations over 15;
// 衡阳市 (10, 70, 3 / 9-12, 3 / 3-8): 本级 7 (short 3), social orgs 2 (short 1).
import type { QuotaActuals } from '../../src/core/quota/index.js';

export const ACTUALS: QuotaActuals = {
  areas: [
    { level: 'city', area: '长沙市', city: '长沙市', charityLocalHouseholds: 15, charityCountyHouseholds: 85, foundationOrgs: 5, foundationHouseholds: 16, socialOrgs: 5, socialHouseholds: 5 },
    { level: 'city', area: '衡阳市', city: '衡阳市', charityLocalHouseholds: 7, charityCountyHouseholds: 70, foundationOrgs: 3, foundationHouseholds: 9, socialOrgs: 2, socialHouseholds: 3 },
  ],
  orgs: [
    { name: '衡阳市慈善总会', type: 'charity', level: 'city', city: '衡阳市', households: 2 },
    { name: '长沙市慈善总会', type: 'charity', level: 'city', city: '长沙市', households: 15 },
  ],
  demoSite: [],
};
