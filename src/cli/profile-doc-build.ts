import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRules, profileJsonSchema } from '../engine/index.js';
import { fieldReaders } from '../engine/index.js';
import { profileDoc } from '../render/profile-doc.js';
import { DEFAULT_RULES_DIR } from './io.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));

/**
 * Profiles that reach what no bundled fixture reaches: a manufacturer with an overseas
 * after-sales centre (article 19), and a private hospital whose lines have a public-medical
 * reference price and an elderly-care home with a residential one (article 22), and a business
 * services firm (L) whose size comes from its headcount and total assets.
 */
const EXTRA_PROBES = [
  {
    name: 'probe: manufacturer', registrationDate: '2017-03-15', district: '渝北区', industry: 'professional-services',
    manufacturingSector: 'automotive', activities: { overseasAfterSalesCenter: true },
  },
  {
    name: 'probe: private hospital', registrationDate: '2017-03-15', district: '江北区', functionalRegion: 'core', industry: 'big-health',
    facilities: ['private-medical'],
    utilities: [{ kind: 'electricity', quantity: '100000', unit: 'kWh', currentPrice: '0.80', referencePrices: { publicMedical: '0.61', industrial: '0.65' } }],
  },
  {
    name: 'probe: elderly care', registrationDate: '2017-03-15', district: '渝北区', industry: 'big-health',
    facilities: ['elderly-care'],
    utilities: [{ kind: 'water', quantity: '5000', unit: 'm3', currentPrice: '5.20', referencePrices: { residential: '3.50', industrial: '3.85' } }],
  },
  {
    name: 'probe: business services', registrationDate: '2017-03-15', district: '渝北区', industry: 'professional-services', establishment: 'new',
    nationalIndustryCode: 'L7244', employees: 50, fiscalYears: { '2017': { revenue: '30000000.00', totalAssets: '40000000.00' } },
  },
];

/** docs/profile.md as it should be: the shipped rules, the bundled fixtures and the probes above. */
export function buildProfileDoc(): string {
  const rules = loadRules(DEFAULT_RULES_DIR);
  const fixtures = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')));
  // A fixed as-of date: the readers must not change with the day the doc is made.
  const readers = fieldReaders(rules, [...fixtures, ...EXTRA_PROBES], '2018-06-30');
  return profileDoc(profileJsonSchema(), readers, rules);
}
