import type { Benefit } from '../engine/index.js';
import type { Lang } from './labels.js';
import { fill, type TextPair } from './i18n.js';

/**
 * "What to bring": the papers an application rests on, worked out from what each eligible policy
 * relied on (its checks' facts and its figures). A department asks for the evidence of every
 * fact the amount or the eligibility was found from, so each fact family maps to the document
 * that proves it. The licence comes first for any application.
 */
interface Document {
  /** Fact paths or figure names (an item's figures keep their prefix, utilities[0].saving) that call for it. */
  when: RegExp;
  text: TextPair;
}

const LICENCE: TextPair = { zh: '营业执照（统一社会信用代码）', en: 'The business licence (unified social credit code)' };

const DOCUMENTS: Document[] = [
  {
    when: /^(taxableIncome|taxSaved|mainBusinessShare|revenue|mainBusinessRevenue|fiscalYears\b)/,
    text: { zh: '{y}年度企业所得税年度纳税申报表及财务报表', en: 'The {y} annual enterprise income tax return and financial statements' },
  },
  {
    when: /^encouragedCatalog$/,
    text: { zh: '主营业务属于《西部地区鼓励类产业目录》的说明', en: 'A statement that the main business is in the Western Region Encouraged Industries Catalogue' },
  },
  {
    when: /^(citPaid|vatPaid|citSubsidy|vatSubsidy|taxPayments\b)/,
    text: { zh: '补贴期间的企业所得税、增值税完税证明', en: 'Income tax and VAT payment certificates for the subsidy period' },
  },
  {
    when: /^(rdExpensed|rdAmortization|extraDeduction|hasRd)$/,
    text: { zh: '研发项目立项资料及研发费用辅助账', en: 'R&D project records and the R&D expense sub-ledger' },
  },
  { when: /^technologySme$/, text: { zh: '科技型中小企业入库登记编号', en: 'The technology-based SME registration number' } },
  { when: /^size$/, text: { zh: '从业人员及营业收入情况（用于中小企业划型）', en: 'Headcount and revenue, for the SME classification' } },
  { when: /^headquarters\b/, text: { zh: '总部企业认定文件', en: 'The headquarters recognition' } },
  {
    when: /^(utilities|facilities)\b/,
    text: { zh: '水、电、气缴费单据及用途说明', en: 'Water, power and gas bills, with what each supply is used for' },
  },
  {
    when: /^land\b/,
    text: { zh: '土地出让或租赁合同及基准地价资料', en: 'Land grant or lease contracts and the base land prices' },
  },
];

/** The documents for these policies, each once, in the order of the table above, the licence first. */
export function documentsFor(benefits: Benefit[], year: number | null, lang: Lang): string[] {
  if (!benefits.length) return [];
  const keys = new Set<string>();
  for (const b of benefits) {
    for (const r of b.reasons) if (r.result === true) keys.add(r.fact);
    for (const name of Object.keys(b.figures)) keys.add(name);
  }
  const found = DOCUMENTS.filter((d) => [...keys].some((k) => d.when.test(k)));
  return [LICENCE, ...found.map((d) => d.text)].map((t) => fill(t[lang], { y: year ?? '' }).trim());
}
