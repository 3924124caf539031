import { type Catalogue, YUAN } from './fact-entry.js';

/**
 * The figures of each fiscal year (`fiscalYears.2017.revenue` is the fact `year.revenue`), and the facts
 * derived from a year's figures.
 */
export const FISCAL_YEARS: Catalogue = {
  fiscalYears: {
    label: { zh: '年度财务数据', en: 'the fiscal-year figures' },
    question: {
      zh: '请提供企业各年度的营业收入、主营业务收入、资产总额、应纳税所得额和研发费用。',
      en: 'What were the revenue, main-business revenue, total assets, taxable income and R&D expense of each fiscal year?',
    },
    about: {
      zh: '各会计年度的财务数据，以年份为键（如 "2017"）；金额单位均为元，写作字符串 "1234.56" 或数字',
      en: 'Financial figures per fiscal year, keyed by the year ("2017"); all money in yuan (元), written as a string "1234.56" or a number',
    },
    example: { '2017': { revenue: '6200000.00' } },
    each: {
      question: {
        zh: '请提供 {y} 年度的营业收入、主营业务收入、资产总额、应纳税所得额和研发费用。',
        en: 'What were the revenue, main-business revenue, total assets, taxable income and R&D expense in {y}?',
      },
    },
  },
  'year.revenue': {
    read: { type: 'money' },
    label: { zh: '营业收入', en: 'revenue' },
    question: { zh: '{y} 年度的营业收入是多少？', en: 'What was the revenue in {y}?' },
    about: { zh: '当年营业收入', en: 'Revenue of the year' },
    unit: YUAN,
    example: '6200000.00',
  },
  'year.mainBusinessRevenue': {
    read: { type: 'money' },
    label: { zh: '主营业务收入', en: 'main-business revenue' },
    question: { zh: '{y} 年度的主营业务收入是多少？', en: 'What was the main-business revenue in {y}?' },
    about: {
      zh: '当年主营业务收入；与营业收入之比即主营业务收入占比',
      en: 'Main-business revenue of the year; divided by the revenue it gives the main-business share',
    },
    unit: YUAN,
    example: '5580000.00',
  },
  'year.totalAssets': {
    read: { type: 'money' },
    label: { zh: '资产总额', en: 'total assets' },
    question: { zh: '{y} 年度的资产总额是多少？', en: 'What was the total assets in {y}?' },
    about: { zh: '年末资产总额', en: 'Total assets at the end of the year' },
    unit: YUAN,
    example: '9000000.00',
  },
  'year.taxableIncome': {
    read: { type: 'money' },
    label: { zh: '应纳税所得额', en: 'taxable income' },
    question: { zh: '{y} 年度的应纳税所得额（研发加计扣除前）是多少？', en: 'What was the taxable income (before the R&D extra deduction) in {y}?' },
    about: { zh: '应纳税所得额（研发费用加计扣除前），可为负数（亏损）', en: 'Taxable income before the R&D extra deduction; may be negative (a loss)' },
    unit: YUAN,
    example: '820000.00',
  },
  'year.rdExpensed': {
    read: { type: 'money' },
    label: { zh: '费用化研发支出', en: 'R&D expense charged to profit or loss' },
    question: { zh: '{y} 年度的费用化研发支出是多少？', en: 'What was the R&D expense charged to profit or loss in {y}?' },
    about: { zh: '当年费用化的研发支出（计入当期损益）', en: 'R&D expense charged to profit or loss in the year' },
    unit: YUAN,
    example: '1240000.00',
  },
  'year.rdIntangibleAmortization': {
    read: { type: 'money' },
    label: { zh: '研发形成无形资产的摊销额', en: 'amortization of R&D intangibles' },
    question: { zh: '{y} 年度的研发形成无形资产的当年摊销额是多少？', en: 'What was the amortization of intangibles formed by R&D in {y}?' },
    about: { zh: '研发形成的无形资产当年的摊销额', en: 'Amortization in the year of intangible assets formed by R&D' },
    unit: YUAN,
    example: '0.00',
  },
  'year.rdExpensedQ4': {
    label: { zh: '第四季度费用化研发支出', en: 'R&D expense of October to December' },
    question: { zh: '{y} 年度的第四季度（10月1日至12月31日）的费用化研发支出是多少？', en: 'What was the R&D expense of October to December in {y}?' },
    about: {
      zh: '仅 2022 年度：10 月 1 日至 12 月 31 日发生的费用化研发支出（该季度按 100% 加计扣除）；不填按全年的 92/365 计算',
      en: '2022 only: R&D expense charged from 1 October to 31 December (deducted at 100% that quarter); absent, 92/365 of the year is taken',
    },
    unit: YUAN,
    example: '310000.00',
  },
  'year.rdIntangibleAmortizationQ4': {
    label: { zh: '第四季度研发形成无形资产的摊销额', en: 'amortization of R&D intangibles of October to December' },
    question: {
      zh: '{y} 年度的第四季度（10月1日至12月31日）研发形成无形资产的摊销额是多少？',
      en: 'What was the amortization of R&D intangibles of October to December in {y}?',
    },
    about: {
      zh: '仅 2022 年度：10 月 1 日至 12 月 31 日的研发无形资产摊销额；不填按全年的 92/365 计算',
      en: '2022 only: amortization of R&D intangibles from 1 October to 31 December; absent, 92/365 of the year is taken',
    },
    unit: YUAN,
    example: '0.00',
  },
  'year.rdExpensedRaisedPeriod': {
    label: { zh: '加计扣除比例提高期间的费用化研发支出', en: 'R&D expense of the months at the raised rate' },
  },
  'year.rdAmortizationRaisedPeriod': {
    label: { zh: '加计扣除比例提高期间的研发无形资产摊销额', en: 'amortization of R&D intangibles of the months at the raised rate' },
  },
  mainBusinessShare: {
    label: { zh: '主营业务收入占比', en: 'the main-business share of revenue' },
  },
  hasRd: {
    label: { zh: '是否有研发费用', en: 'whether it had R&D expense' },
  },
};
