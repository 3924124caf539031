import { TAX_KINDS } from '../../profile/profile-schema.js';
import { type Catalogue, YUAN } from './fact-entry.js';

/**
 * Tax payments, and what was paid of each tax in a policy's period.
 */
export const TAX_PAYMENTS: Catalogue = {
  taxPayments: {
    read: { type: 'list' },
    label: { zh: '缴税记录', en: 'tax payments' },
    question: {
      zh: '企业自登记注册以来实际缴纳的企业所得税和增值税，各笔的缴纳日期和金额是多少？',
      en: 'What enterprise income tax and VAT has the enterprise paid since registration (date and amount of each payment)?',
    },
    about: {
      zh: '实际缴纳的企业所得税和增值税，每笔一项（缴纳日期、税种、金额）；没有缴过税填 []',
      en: 'Enterprise income tax and VAT actually paid, one entry per payment (date, tax, amount); [] when none was paid',
    },
    example: [{ date: '2017-07-15', tax: 'cit', amount: '35000.00' }],
    each: {
      name: { zh: '第 {n} 笔缴税', en: 'tax payment {n}' },
    },
  },
  'taxPayments.date': {
    read: { type: 'date' },
    label: { zh: '缴纳日期', en: 'the payment date' },
    question: { zh: '{item}的缴纳日期是哪一天？', en: 'On what date was {item} made?' },
    about: { zh: '缴纳日期，YYYY-MM-DD', en: 'Date paid, YYYY-MM-DD' },
    example: '2017-07-15',
  },
  'taxPayments.tax': {
    read: { type: 'enum', values: TAX_KINDS },
    label: { zh: '税种', en: 'the tax' },
    question: { zh: '{item}是企业所得税还是增值税？', en: 'Was {item} enterprise income tax or VAT?' },
    about: { zh: '税种', en: 'Which tax' },
    example: 'cit',
    values: {
      cit: { zh: '企业所得税', en: 'enterprise income tax' },
      vat: { zh: '增值税', en: 'VAT' },
    },
  },
  'taxPayments.amount': {
    read: { type: 'money' },
    label: { zh: '缴纳金额', en: 'the amount paid' },
    question: { zh: '{item}的金额是多少？', en: 'What was the amount of {item}?' },
    about: { zh: '缴纳金额', en: 'Amount paid' },
    unit: YUAN,
    example: '35000.00',
  },
  citPaidInWindow: {
    label: { zh: '期间已缴企业所得税', en: 'income tax paid in the period' },
  },
  vatPaidInWindow: {
    label: { zh: '期间已缴增值税', en: 'VAT paid in the period' },
  },
};
