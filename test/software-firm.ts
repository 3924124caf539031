import { questionFor } from '../src/render/questions.js';

/**
 * A small software firm in 渝北区, as its owner would answer `policy-calc ask` in English: one
 * answer per fact, found by the question asked (the words of src/render/questions.ts). Choices are
 * named by the words shown; typed answers are the text typed. Shared by the in-process interview
 * test and the end-to-end test through a terminal.
 */
const BY_PATH: Record<string, string> = {
  name: '重庆渝北云软件有限公司',
  registrationDate: '2017-03-15',
  district: '渝北区',
  industry: 'internet, cloud computing and big data',
  'fiscalYears.2018.revenue': '3200000.00',
  'fiscalYears.2018.mainBusinessRevenue': '3000000.00',
  'fiscalYears.2018.totalAssets': '2500000.00',
  'fiscalYears.2018.taxableIncome': '400000.00',
  'fiscalYears.2018.rdExpensed': '600000.00',
  'fiscalYears.2018.rdIntangibleAmortization': '0.00',
  land: 'No land',
  size: 'small',
  headquarters: 'Not a headquarters',
  establishment: 'newly set up',
  encouragedCatalog: 'Yes',
  nationalIndustryCode: 'I6510',
  ownership: 'private',
  technologySme: 'Yes',
  taxPayments: 'Yes, enter each payment',
  'taxPayments[0].date': '2017-07-15',
  'taxPayments[0].tax': 'enterprise income tax',
  'taxPayments[0].amount': '20000.00',
  facilities: 'None of these',
  utilities: 'No utility lines to price',
  manufacturingSector: 'other',
  'activities.supportedProject': 'Yes',
  'activities.recruitingTalent': 'Yes',
};

/** Questions that are not about one fact. */
const OTHER: [RegExp, string][] = [
  [/^For which fiscal year can you give the figures\?/, '2018'],
  [/^Another payment\?/, 'n'],
];

export function answerFor(message: string): string {
  for (const [re, a] of OTHER) if (re.test(message)) return a;
  // Longest question first: "What was the revenue in 2018?" must not take the main-business one.
  const paths = Object.keys(BY_PATH).sort((a, b) => questionFor(b, 'en').length - questionFor(a, 'en').length);
  for (const p of paths) if (message.startsWith(questionFor(p, 'en'))) return BY_PATH[p]!;
  // Every other yes-or-no fact about activities: no.
  if (/^(Does|Is|Are) the enterprise/.test(message) || /^Is this the enterprise/.test(message) || /^Are the enterprise/.test(message)) return 'No';
  throw new Error(`the software firm has no answer to: ${message}`);
}
