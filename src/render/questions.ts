import { own } from '../engine/index.js';
import type { Pair } from './report-labels.js';

/**
 * Missing facts as questions a consultant can put to the client. A fact path as the engine names
 * it (`encouragedCatalog`, `fiscalYears.2017.revenue`, `land[1].leaseYears`,
 * `utilities[0].referencePrices.industrial`) becomes one plain question in each language; paths no
 * table knows get a generic question that still names the fact, so nothing is ever dropped.
 */

const TOP: Record<string, Pair> = {
  name: { zh: '企业的全称是什么？', en: 'What is the enterprise’s registered name?' },
  creditCode: { zh: '企业的统一社会信用代码是什么？', en: 'What is the enterprise’s unified social credit code?' },
  registrationDate: { zh: '企业的登记注册日期是哪一天？', en: 'On what date was the enterprise registered?' },
  district: { zh: '企业注册在重庆市哪个区县？', en: 'In which Chongqing district or county is the enterprise registered?' },
  functionalRegion: { zh: '企业位于哪个功能区？', en: 'In which functional region is the enterprise located?' },
  industry: {
    zh: '企业主营业务属于十大战略性新兴服务业中的哪一类（或不属于）？',
    en: 'Which of the ten strategic emerging service industries does the main business belong to, if any?',
  },
  nationalIndustryCode: {
    zh: '主营业务的国民经济行业代码（GB/T 4754-2017，如 I6510）是什么？',
    en: 'What is the national industry code of the main business (GB/T 4754-2017, e.g. I6510)?',
  },
  ownership: { zh: '企业的所有制类型是什么（民营、国有、集体、外资、混合）？', en: 'What is the ownership type (private, state, collective, foreign, mixed)?' },
  establishment: {
    zh: '企业是新开办的，还是从外地迁入或改制设立的？',
    en: 'Was the enterprise newly set up, relocated from elsewhere, or formed by restructuring?',
  },
  size: {
    zh: '企业规模是大型、中型、小型还是微型？如不确定，请提供从业人员数、营业收入和资产总额，以便按划型标准推算。',
    en: 'Is the enterprise large, medium, small or micro? If unsure, give its headcount, revenue and total assets so the size can be derived.',
  },
  employees: { zh: '企业目前有多少从业人员？', en: 'How many people does the enterprise employ?' },
  technologySme: {
    zh: '企业是否已登记为科技型中小企业？',
    en: 'Is the enterprise registered as a technology-based SME (科技型中小企业)?',
  },
  highTechEnterprise: {
    zh: '企业当年是否为经认定的高新技术企业？',
    en: 'Was the enterprise a recognized high-tech enterprise (高新技术企业) in the year?',
  },
  encouragedCatalog: {
    zh: '企业主营业务是否属于《西部地区鼓励类产业目录》？',
    en: 'Is the main business listed in the Western Region Encouraged Industries Catalogue?',
  },
  headquarters: {
    zh: '企业是否为新引进的总部（企业总部、地区总部、采购中心、研发中心、后台中心或结算中心）？如是，属于哪一类？',
    en: 'Is the enterprise a newly introduced headquarters (enterprise HQ, regional HQ, procurement, R&D, back-office or settlement centre)? Which kind?',
  },
  'headquarters.type': {
    zh: '该总部属于哪一类（企业总部、地区总部、采购中心、研发中心、后台中心、结算中心）？',
    en: 'Which kind of headquarters is it (enterprise, regional, procurement, R&D, back-office, settlement)?',
  },
  'headquarters.recognized': {
    zh: '该总部是否已被认定为知名企业总部？',
    en: 'Has the headquarters been recognized as that of a well-known enterprise?',
  },
  fiscalYears: {
    zh: '请提供企业各年度的营业收入、主营业务收入、资产总额、应纳税所得额和研发费用。',
    en: 'What were the revenue, main-business revenue, total assets, taxable income and R&D expense of each fiscal year?',
  },
  taxPayments: {
    zh: '企业自登记注册以来实际缴纳的企业所得税和增值税，各笔的缴纳日期和金额是多少？',
    en: 'What enterprise income tax and VAT has the enterprise paid since registration (date and amount of each payment)?',
  },
  land: {
    zh: '企业是否通过出让、先租后让或存量用地取得土地？如有，请提供每宗地的用途、面积、基准地价和取得方式；没有请明确说明。',
    en: 'Has the enterprise acquired or does it plan to acquire land (transfer, lease-then-transfer, old-town stock)? For each parcel: use, area, base land price and how it is acquired; or say that there are none.',
  },
  facilities: {
    zh: '企业是否经营文化场馆、体育场馆、星级酒店、游轮、温泉、养老、博物馆、培训、学生公寓或民营医疗等设施？',
    en: 'Does the enterprise run a cultural or sports venue, star hotel, cruise ship, hot spring, elderly care, museum, training, student housing or private medical facility?',
  },
  utilities: {
    zh: '企业的用电、用水、用气量和现行单价是多少（含工业、居民或公立医疗机构的参考价格）？没有请明确说明。',
    en: 'How much electricity, water and gas does the enterprise use, at what price, and what are the industrial, residential or public-medical reference prices? Or say that there are none.',
  },
  manufacturingSector: {
    zh: '企业属于哪个制造业领域（汽车、高端装备、轨道交通、航空或其他）？',
    en: 'Which manufacturing sector is the enterprise in (automotive, high-end equipment, rail transit, aviation, other)?',
  },
  window: {
    zh: '企业的登记注册日期是哪一天（用于确定补贴期间）？',
    en: 'On what date was the enterprise registered (this fixes the subsidy period)?',
  },
};

const ACTIVITIES: Record<string, Pair> = {
  publicServiceProvider: { zh: '企业是否提供公共服务（教育、医疗、养老、文化等）？', en: 'Does the enterprise provide public services (education, health, elderly care, culture)?' },
  inPurchaseCatalog: { zh: '企业的服务是否列入政府购买服务目录？', en: 'Are the enterprise’s services in the government purchase-of-services catalogue?' },
  foreignCooperationProject: { zh: '企业是否承接对外合作项目？', en: 'Does the enterprise run a foreign cooperation project?' },
  crossBorderEcommerceExport: { zh: '企业是否开展跨境电子商务出口？', en: 'Does the enterprise export through cross-border e-commerce?' },
  exportTaxRefund: { zh: '企业是否申请出口退税？', en: 'Does the enterprise claim export tax refunds?' },
  globalFortune500: { zh: '企业是否为世界500强企业或其设立的机构？', en: 'Is the enterprise a Global Fortune 500 company or set up by one?' },
  china500: { zh: '企业是否为中国500强企业或其设立的机构？', en: 'Is the enterprise a China Top 500 company or set up by one?' },
  majorInvestmentProject: { zh: '企业是否有重大投资项目？', en: 'Does the enterprise have a major investment project?' },
  supportedProject: { zh: '企业是否有获得国家或市级支持的项目？', en: 'Does the enterprise have a project supported by the state or the municipality?' },
  guidanceFundProject: { zh: '企业是否寻求产业引导股权投资基金投资？', en: 'Is the enterprise seeking investment from the industry guidance equity fund?' },
  noCollateralLoan: { zh: '企业是否需要无抵押（信用）贷款？', en: 'Does the enterprise need a loan without collateral?' },
  firstLoan: { zh: '企业是否为首次向银行申请贷款？', en: 'Is this the enterprise’s first bank loan?' },
  seekingDirectFinancing: {
    zh: '企业是否计划通过股权交易所挂牌、发行债券、私募股权或新三板等方式直接融资？',
    en: 'Does the enterprise plan direct financing (equity exchange listing, bonds, private equity, NEEQ)?',
  },
  financialInstitutionServingSesi: {
    zh: '企业是否为服务战略性新兴服务业的基金、担保等金融机构？',
    en: 'Is the enterprise a fund, guarantor or other financial institution serving these industries?',
  },
  overseasAfterSalesCenter: { zh: '企业是否设立境外售后服务中心？', en: 'Does the enterprise set up an overseas after-sales service centre?' },
  recruitingTalent: { zh: '企业是否正在引进高层次人才？', en: 'Is the enterprise recruiting high-level talent?' },
  trainingTalent: { zh: '企业是否开展人才培训？', en: 'Does the enterprise train its staff?' },
  nursingStaffTraining: { zh: '企业是否开展护理人员培训？', en: 'Does the enterprise train nursing staff?' },
  qualifiedTalent: { zh: '企业是否有符合条件的引进人才（可享受住房、户籍、社保等支持）？', en: 'Does the enterprise employ qualified talent (eligible for housing, hukou, social insurance support)?' },
};

const YEAR_FIELDS: Record<string, Pair> = {
  revenue: { zh: '营业收入', en: 'revenue' },
  mainBusinessRevenue: { zh: '主营业务收入', en: 'main-business revenue' },
  totalAssets: { zh: '资产总额', en: 'total assets' },
  taxableIncome: { zh: '应纳税所得额（研发加计扣除前）', en: 'taxable income (before the R&D extra deduction)' },
  rdExpensed: { zh: '费用化研发支出', en: 'R&D expense charged to profit or loss' },
  rdIntangibleAmortization: { zh: '研发形成无形资产的当年摊销额', en: 'amortization of intangibles formed by R&D' },
  rdExpensedQ4: { zh: '第四季度（10月1日至12月31日）的费用化研发支出', en: 'R&D expense of October to December' },
  rdIntangibleAmortizationQ4: { zh: '第四季度（10月1日至12月31日）研发形成无形资产的摊销额', en: 'amortization of R&D intangibles of October to December' },
};

/** Questions about one item of a collection; {item} is "land parcel 2" and the like. */
const ITEM_FIELDS: Record<string, Pair> = {
  id: { zh: '{item}的编号是什么？', en: 'What is the identifier of {item}?' },
  use: { zh: '{item}的规划用途是什么（商服、旅游娱乐、工业、综合、教科文卫体、住宅）？', en: 'What is the planned use of {item} (commercial, tourism, industrial, comprehensive, education/culture/health/sports, residential)?' },
  areaSqm: { zh: '{item}的面积是多少平方米？', en: 'What is the area of {item} in square metres?' },
  basePricePerSqm: { zh: '{item}对应用途的基准地价是每平方米多少元？', en: 'What is the base land price per square metre for {item}?' },
  acquisition: { zh: '{item}以何种方式取得（出让、先租后让、老城区存量用地）？', en: 'How is {item} acquired (transfer, lease-then-transfer, old-town stock)?' },
  inRecognizedCluster: { zh: '{item}是否位于认定的战略性新兴服务业集聚区内？', en: 'Does {item} lie in a recognized cluster?' },
  leaseYears: { zh: '{item}的租赁年限是多少年？', en: 'For how many years is {item} leased?' },
  filedOn: { zh: '{item}于哪一天办理备案？', en: 'On what date was {item} filed?' },
  kind: { zh: '{item}是电、水还是气？', en: 'Is {item} electricity, water or gas?' },
  quantity: { zh: '{item}的年用量是多少？', en: 'How much of {item} is used?' },
  unit: { zh: '{item}的计量单位是什么？', en: 'In what unit is {item} measured?' },
  currentPrice: { zh: '{item}目前的单价是多少？', en: 'What is the current unit price of {item}?' },
  purpose: { zh: '{item}的用途是什么（如温泉洗浴）？', en: 'What is {item} used for (e.g. bathing)?' },
  'referencePrices.industrial': { zh: '{item}的一般工商业（工业）价格是多少？', en: 'What is the industrial price for {item}?' },
  'referencePrices.residential': { zh: '{item}的居民用（非阶梯）价格是多少？', en: 'What is the residential (non-tiered) price for {item}?' },
  'referencePrices.publicMedical': { zh: '{item}的公立医疗机构价格是多少？', en: 'What do public medical institutions pay for {item}?' },
  date: { zh: '{item}的缴纳日期是哪一天？', en: 'On what date was {item} made?' },
  tax: { zh: '{item}是企业所得税还是增值税？', en: 'Was {item} enterprise income tax or VAT?' },
  amount: { zh: '{item}的金额是多少？', en: 'What was the amount of {item}?' },
};

const COLLECTIONS: Record<string, Pair> = {
  land: { zh: '第 {n} 宗地', en: 'land parcel {n}' },
  utilities: { zh: '第 {n} 项能源', en: 'utility line {n}' },
  taxPayments: { zh: '第 {n} 笔缴税', en: 'tax payment {n}' },
};

/** "land[1]" as people count it: "land parcel 2". */
export function itemName(path: string, lang: 'zh' | 'en'): string | undefined {
  const m = /^(\w+)\[(\d+)\]$/.exec(path);
  const c = m ? own(COLLECTIONS, m[1]!) : undefined;
  return c ? c[lang].replace('{n}', String(Number(m![2]) + 1)) : undefined;
}

export function questionFor(fact: string, lang: 'zh' | 'en'): string {
  const known = own(TOP, fact);
  if (known) return known[lang];

  const activity = /^activities\.(\w+)$/.exec(fact);
  const act = activity ? own(ACTIVITIES, activity[1]!) : undefined;
  if (act) return act[lang];

  const year = /^fiscalYears\.(\d{4})(?:\.(\w+))?$/.exec(fact);
  if (year) {
    const [, y, field] = year;
    if (field === undefined) {
      return lang === 'zh'
        ? `请提供 ${y} 年度的营业收入、主营业务收入、资产总额、应纳税所得额和研发费用。`
        : `What were the revenue, main-business revenue, total assets, taxable income and R&D expense in ${y}?`;
    }
    const label = own(YEAR_FIELDS, field);
    if (label) return lang === 'zh' ? `${y} 年度的${label.zh}是多少？` : `What was the ${label.en} in ${y}?`;
  }

  const item = /^(\w+\[\d+\])\.([\w.]+)$/.exec(fact);
  if (item) {
    const which = itemName(item[1]!, lang);
    const field = own(ITEM_FIELDS, item[2]!);
    if (which && field) return field[lang].replace('{item}', which);
  }

  return lang === 'zh' ? `请提供“${fact}”这一信息。` : `Please provide “${fact}”.`;
}
