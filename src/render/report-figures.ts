import { Dec, own } from '../engine/index.js';
import { groupThousands } from './labels.js';
import type { Lang, TextPair } from './i18n.js';
import { itemName } from './questions.js';

/**
 * Figures (the named intermediate values of a computation) in words and in readable numbers.
 * Rule files name figures in camelCase; the known names get bilingual labels, any other name is
 * spelled out from its camelCase, so a new policy's figures still read sensibly.
 */
const FIGURES: Record<string, TextPair> = {
  taxableIncome: { zh: '应纳税所得额', en: 'Taxable income' },
  standardRate: { zh: '法定税率', en: 'Standard rate' },
  preferentialRate: { zh: '优惠税率', en: 'Preferential rate' },
  rateReduction: { zh: '税率降低', en: 'Rate reduction' },
  taxSaved: { zh: '减少税额', en: 'Tax saved' },
  citPaid: { zh: '期间已缴企业所得税', en: 'Enterprise income tax paid in the period' },
  vatPaid: { zh: '期间已缴增值税', en: 'VAT paid in the period' },
  citLocalShare: { zh: '企业所得税地方留成比例', en: 'Local share of income tax' },
  vatLocalShare: { zh: '增值税地方留成比例', en: 'Local share of VAT' },
  citSubsidy: { zh: '企业所得税地方留成补贴', en: 'Subsidy: local share of income tax' },
  vatSubsidy: { zh: '增值税地方留成补贴', en: 'Subsidy: local share of VAT' },
  rdExpensed: { zh: '费用化研发支出', en: 'R&D expensed' },
  rdAmortization: { zh: '研发无形资产摊销', en: 'Amortization of R&D intangibles' },
  extraRate: { zh: '加计扣除比例', en: 'Extra deduction rate' },
  amortizationRate: { zh: '无形资产摊销比例', en: 'Amortization base rate' },
  raisedExpensed: { zh: '2022年第四季度费用化研发支出', en: 'R&D expensed in the fourth quarter of 2022' },
  raisedAmortization: { zh: '2022年第四季度研发无形资产摊销', en: 'Amortization of R&D intangibles in the fourth quarter of 2022' },
  raisedExtraRate: { zh: '第四季度加计扣除比例', en: 'Extra deduction rate of the fourth quarter' },
  raisedAmortizationRate: { zh: '第四季度无形资产摊销比例', en: 'Amortization base rate of the fourth quarter' },
  extraDeduction: { zh: '加计扣除额', en: 'Extra deduction' },
  deductedThisYear: { zh: '本年可扣除额', en: 'Deducted this year' },
  carryForward: { zh: '结转以后年度弥补', en: 'Loss carried forward' },
  carryForwardYears: { zh: '可结转年限', en: 'Years it may be carried forward' },
  enterpriseRate: { zh: '企业适用税率', en: 'Enterprise’s tax rate' },
  referencePrice: { zh: '参考价格', en: 'Reference price' },
  priceGap: { zh: '价差', en: 'Price gap' },
  saving: { zh: '节省', en: 'Saving' },
  basePrice: { zh: '基准地价总额', en: 'Base land price' },
  floorPrice: { zh: '底价（70%）', en: 'Floor price (70%)' },
  transferSaving: { zh: '出让价款节省', en: 'Saving on transfer price' },
  oldTownStock: { zh: '老城区存量土地', en: 'Old-town stock land' },
  longestTerm: { zh: '法定最高出让年限', en: 'Longest grant term' },
  countedYears: { zh: '计入的租赁年限', en: 'Lease years counted' },
  leaseShare: { zh: '租期占比', en: 'Lease share of the term' },
  fullRent: { zh: '按基准地价折算租金', en: 'Rent at the full base price' },
  minimumRent: { zh: '最低租金（70%）', en: 'Minimum rent (70%)' },
  leaseSaving: { zh: '租金节省', en: 'Saving on rent' },
};

const PERCENT_WORDS = new Set(['rate', 'share', 'ratio', 'percent', 'percentage']);
const YEAR_WORDS = new Set(['term', 'years']);

function hasWord(name: string, set: Set<string>): boolean {
  return words(name).toLowerCase().split(' ').some((w) => set.has(w));
}

function words(name: string): string {
  const s = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "land[0].saving" -> "Land parcel 1 · Saving". */
export function figureLabel(name: string, lang: Lang): string {
  const m = /^(\w+\[\d+\])\.(\w+)$/.exec(name);
  const base = m ? m[2]! : name;
  const label = own(FIGURES, base)?.[lang] ?? words(base);
  if (!m) return label;
  const item = itemName(m[1]!, lang) ?? m[1]!;
  return `${item.charAt(0).toUpperCase()}${item.slice(1)} · ${label}`;
}

/** Rates as percentages, terms in years, everything else with thousands separators; exact throughout. */
export function figureValue(name: string, raw: string, lang: Lang): string {
  const base = name.replace(/^\w+\[\d+\]\./, '');
  if (!/^-?\d+(\.\d+)?$/.test(raw)) return raw;
  if (hasWord(base, PERCENT_WORDS)) return `${new Dec(raw).times(100).toFixed()}%`;
  if (hasWord(base, YEAR_WORDS)) return lang === 'zh' ? `${new Dec(raw).toFixed()} 年` : `${new Dec(raw).toFixed()} years`;
  return groupThousands(raw);
}
