import type { TextPair } from '../rules/rule-schema.js';

/**
 * The words for facts and their values, in both languages, as a tax adviser says them. The engine
 * words its own messages (assumptions, notes) with these, and every renderer prints them instead
 * of paths and codes. A fact is keyed as the profile names it, with item indices and the evaluated
 * year left out: `industry`, `land.use`, `utilities.referencePrices.industrial`, `year.revenue`.
 */
type Words = Readonly<Record<string, TextPair>>;

const FACTS: Words = {
  name: { zh: '企业名称', en: 'the enterprise’s name' },
  creditCode: { zh: '统一社会信用代码', en: 'the unified social credit code' },
  registrationDate: { zh: '登记注册日期', en: 'the registration date' },
  district: { zh: '注册所在区县', en: 'the district of registration' },
  functionalRegion: { zh: '所在功能区', en: 'the functional region' },
  region: { zh: '所在功能区', en: 'the functional region' },
  industry: { zh: '主营业务所属行业', en: 'the industry of the main business' },
  nationalIndustryCode: { zh: '国民经济行业代码', en: 'the national industry code' },
  ownership: { zh: '所有制类型', en: 'the ownership' },
  establishment: { zh: '设立方式', en: 'how the enterprise was set up' },
  size: { zh: '企业规模', en: 'the enterprise size' },
  employees: { zh: '从业人员数', en: 'the headcount' },
  technologySme: { zh: '是否为科技型中小企业', en: 'whether it is a technology-based SME' },
  highTechEnterprise: { zh: '是否为高新技术企业', en: 'whether it is a high-tech enterprise' },
  sizeAtOpening: { zh: '开办时的企业规模', en: 'the enterprise size at opening' },
  nationalRateMayApply: { zh: '是否可能适用其他减低税率优惠', en: 'whether another reduced national rate may apply' },
  encouragedCatalog: { zh: '主营业务是否属于西部地区鼓励类产业目录', en: 'whether the main business is in the Western Region Encouraged Industries Catalogue' },
  manufacturingSector: { zh: '所属制造业领域', en: 'the manufacturing sector' },
  facilities: { zh: '经营的场所或机构', en: 'the venues and institutions it runs' },
  land: { zh: '土地', en: 'land parcels' },
  utilities: { zh: '水电气用量', en: 'utility lines' },
  taxPayments: { zh: '缴税记录', en: 'tax payments' },
  fiscalYears: { zh: '年度财务数据', en: 'the fiscal-year figures' },
  headquarters: { zh: '总部情况', en: 'the headquarters' },
  'headquarters.type': { zh: '总部类型', en: 'the kind of headquarters' },
  'headquarters.recognized': { zh: '是否经认定为知名企业总部', en: 'whether the headquarters is recognized' },
  'year.revenue': { zh: '营业收入', en: 'revenue' },
  'year.mainBusinessRevenue': { zh: '主营业务收入', en: 'main-business revenue' },
  'year.totalAssets': { zh: '资产总额', en: 'total assets' },
  'year.taxableIncome': { zh: '应纳税所得额', en: 'taxable income' },
  'year.rdExpensed': { zh: '费用化研发支出', en: 'R&D expense charged to profit or loss' },
  'year.rdIntangibleAmortization': { zh: '研发形成无形资产的摊销额', en: 'amortization of R&D intangibles' },
  'year.rdExpensedQ4': { zh: '第四季度费用化研发支出', en: 'R&D expense of October to December' },
  'year.rdIntangibleAmortizationQ4': { zh: '第四季度研发形成无形资产的摊销额', en: 'amortization of R&D intangibles of October to December' },
  'year.rdExpensedRaisedPeriod': { zh: '加计扣除比例提高期间的费用化研发支出', en: 'R&D expense of the months at the raised rate' },
  'year.rdAmortizationRaisedPeriod': { zh: '加计扣除比例提高期间的研发无形资产摊销额', en: 'amortization of R&D intangibles of the months at the raised rate' },
  isSesi: { zh: '是否属于十大战略性新兴服务业', en: 'whether it is in a strategic emerging service industry' },
  inChongqing: { zh: '是否在重庆市注册', en: 'whether it is registered in Chongqing' },
  mainBusinessShare: { zh: '主营业务收入占比', en: 'the main-business share of revenue' },
  isManufacturer: { zh: '是否为制造业企业', en: 'whether it is a manufacturer' },
  rdIndustryExcluded: { zh: '是否属于不适用加计扣除的行业', en: 'whether its industry is excluded from the extra deduction' },
  hasRd: { zh: '是否有研发费用', en: 'whether it had R&D expense' },
  citPaidInWindow: { zh: '期间已缴企业所得税', en: 'income tax paid in the period' },
  vatPaidInWindow: { zh: '期间已缴增值税', en: 'VAT paid in the period' },
  'land.id': { zh: '地块编号', en: 'the parcel’s identifier' },
  'land.use': { zh: '土地用途', en: 'the land use' },
  'land.areaSqm': { zh: '土地面积', en: 'the area' },
  'land.basePricePerSqm': { zh: '基准地价', en: 'the base land price' },
  'land.acquisition': { zh: '取得方式', en: 'how the land is acquired' },
  'land.inRecognizedCluster': { zh: '是否位于认定的集聚区', en: 'whether it lies in a recognized cluster' },
  'land.leaseYears': { zh: '租赁年限', en: 'the lease term' },
  'land.filedOn': { zh: '备案日期', en: 'the filing date' },
  'utilities.kind': { zh: '能源种类', en: 'the kind of utility' },
  'utilities.quantity': { zh: '用量', en: 'the quantity' },
  'utilities.unit': { zh: '计量单位', en: 'the unit' },
  'utilities.currentPrice': { zh: '现行单价', en: 'the current price' },
  'utilities.purpose': { zh: '用途', en: 'the purpose' },
  'utilities.referencePrices.industrial': { zh: '工业价格', en: 'the industrial price' },
  'utilities.referencePrices.residential': { zh: '居民非阶梯价格', en: 'the residential non-tiered price' },
  'utilities.referencePrices.publicMedical': { zh: '公立医疗机构价格', en: 'the public medical institutions’ price' },
  'taxPayments.date': { zh: '缴纳日期', en: 'the payment date' },
  'taxPayments.tax': { zh: '税种', en: 'the tax' },
  'taxPayments.amount': { zh: '缴纳金额', en: 'the amount paid' },
};

const ACTIVITIES: Words = {
  publicServiceProvider: { zh: '是否提供公共服务', en: 'whether it provides public services' },
  inPurchaseCatalog: { zh: '是否列入政府购买服务目录', en: 'whether its services are in the purchase catalogue' },
  foreignCooperationProject: { zh: '是否承接对外合作项目', en: 'whether it runs a foreign cooperation project' },
  crossBorderEcommerceExport: { zh: '是否开展跨境电子商务出口', en: 'whether it exports through cross-border e-commerce' },
  exportTaxRefund: { zh: '是否申请出口退（免）税', en: 'whether it claims export tax refunds' },
  globalFortune500: { zh: '是否为世界500强企业', en: 'whether it is a Global Fortune 500 company' },
  china500: { zh: '是否为中国500强企业', en: 'whether it is a China Top 500 company' },
  majorInvestmentProject: { zh: '是否有重大投资项目', en: 'whether it has a major investment project' },
  supportedProject: { zh: '是否有国家或市级支持的项目', en: 'whether it has a state or municipal supported project' },
  guidanceFundProject: { zh: '是否寻求产业引导基金投资', en: 'whether it seeks guidance-fund investment' },
  noCollateralLoan: { zh: '是否需要无抵押贷款', en: 'whether it needs a loan without collateral' },
  firstLoan: { zh: '是否为首次贷款', en: 'whether this is its first loan' },
  seekingDirectFinancing: { zh: '是否计划直接融资', en: 'whether it plans direct financing' },
  financialInstitutionServingSesi: { zh: '是否为服务战略性新兴服务业的金融机构', en: 'whether it is a financial institution serving these industries' },
  overseasAfterSalesCenter: { zh: '是否设立境外售后服务中心', en: 'whether it sets up an overseas after-sales centre' },
  recruitingTalent: { zh: '是否引进高层次人才', en: 'whether it recruits high-level talent' },
  trainingTalent: { zh: '是否开展人才培训', en: 'whether it trains talent' },
  nursingStaffTraining: { zh: '是否开展护理人员培训', en: 'whether it trains nursing staff' },
  qualifiedTalent: { zh: '是否有符合条件的引进人才', en: 'whether it employs qualified talent' },
};

const VALUES: Readonly<Record<string, Words>> = {
  industry: {
    'new-finance': { zh: '新兴金融服务业', en: 'new finance' },
    'service-outsourcing': { zh: '离岸服务外包', en: 'offshore service outsourcing' },
    'big-health': { zh: '大健康服务业', en: 'health, sports and elderly care' },
    'culture-tourism': { zh: '文化旅游服务业', en: 'culture and tourism' },
    'professional-services': { zh: '专业服务业', en: 'professional services' },
    logistics: { zh: '国际物流及城乡配送', en: 'international logistics and distribution' },
    ecommerce: { zh: '电子商务及跨境结算', en: 'e-commerce and cross-border settlement' },
    'bonded-trade': { zh: '保税商品展示及保税贸易', en: 'bonded display and bonded trade' },
    'cloud-bigdata': { zh: '互联网云计算大数据', en: 'internet, cloud computing and big data' },
    'hq-transit-trade': { zh: '总部贸易和转口贸易', en: 'headquarters and transit trade' },
    other: { zh: '其他（非战略性新兴服务业）', en: 'other (not a strategic emerging service industry)' },
  },
  size: {
    large: { zh: '大型', en: 'large' },
    medium: { zh: '中型', en: 'medium' },
    small: { zh: '小型', en: 'small' },
    micro: { zh: '微型', en: 'micro' },
  },
  sizeAtOpening: {
    large: { zh: '大型', en: 'large' },
    medium: { zh: '中型', en: 'medium' },
    small: { zh: '小型', en: 'small' },
    micro: { zh: '微型', en: 'micro' },
  },
  ownership: {
    private: { zh: '民营', en: 'private' },
    state: { zh: '国有', en: 'state-owned' },
    collective: { zh: '集体', en: 'collective' },
    foreign: { zh: '外资', en: 'foreign-invested' },
    mixed: { zh: '混合所有制', en: 'mixed ownership' },
  },
  establishment: {
    new: { zh: '新设立', en: 'newly set up' },
    relocated: { zh: '从外地迁入', en: 'relocated from elsewhere' },
    restructured: { zh: '改制设立', en: 'formed by restructuring' },
  },
  'headquarters.type': {
    'enterprise-hq': { zh: '企业总部', en: 'enterprise headquarters' },
    'regional-hq': { zh: '地区总部', en: 'regional headquarters' },
    'procurement-hq': { zh: '采购中心', en: 'procurement centre' },
    'rd-hq': { zh: '研发中心', en: 'R&D centre' },
    'back-office-center': { zh: '后台中心', en: 'back-office centre' },
    'settlement-center': { zh: '结算中心', en: 'settlement centre' },
  },
  facilities: {
    'cultural-venue': { zh: '文化场馆', en: 'cultural venue' },
    'sports-venue': { zh: '体育场馆', en: 'sports venue' },
    'star-hotel': { zh: '星级酒店', en: 'star hotel' },
    'cruise-ship': { zh: '邮轮', en: 'cruise ship' },
    'hot-spring': { zh: '温泉', en: 'hot spring' },
    'elderly-care': { zh: '养老机构', en: 'elderly care' },
    'public-museum': { zh: '公益性博物馆', en: 'public museum' },
    'training-teaching': { zh: '培训教学', en: 'training and teaching' },
    'student-living': { zh: '学生生活', en: 'student living' },
    'private-medical': { zh: '非公立医疗机构', en: 'private medical institution' },
  },
  'land.use': {
    commercial: { zh: '商服用地', en: 'commercial' },
    'tourism-entertainment': { zh: '旅游娱乐用地', en: 'tourism and entertainment' },
    industrial: { zh: '工业用地', en: 'industrial' },
    comprehensive: { zh: '综合用地', en: 'comprehensive' },
    'education-science-culture-health-sports': { zh: '教科文卫体用地', en: 'education, science, culture, health and sports' },
    residential: { zh: '住宅用地', en: 'residential' },
  },
  'land.acquisition': {
    transfer: { zh: '出让', en: 'transfer' },
    'lease-then-transfer': { zh: '先租后让', en: 'lease then transfer' },
    'old-town-stock': { zh: '老城区存量用地', en: 'old-town stock land' },
  },
  'utilities.kind': {
    electricity: { zh: '电', en: 'electricity' },
    water: { zh: '水', en: 'water' },
    gas: { zh: '天然气', en: 'gas' },
  },
  'utilities.purpose': {
    bathing: { zh: '洗浴', en: 'bathing' },
    heating: { zh: '供暖', en: 'heating' },
    cooling: { zh: '制冷', en: 'cooling' },
    cooking: { zh: '餐饮', en: 'cooking' },
    laundry: { zh: '洗涤', en: 'laundry' },
    landscape: { zh: '景观绿化', en: 'landscape' },
    operations: { zh: '日常经营', en: 'operations' },
  },
  manufacturingSector: {
    automotive: { zh: '汽车', en: 'automotive' },
    'high-end-equipment': { zh: '高端装备', en: 'high-end equipment' },
    'rail-transit': { zh: '轨道交通', en: 'rail transit' },
    aviation: { zh: '航空', en: 'aviation' },
    other: { zh: '其他', en: 'other' },
  },
  'taxPayments.tax': {
    cit: { zh: '企业所得税', en: 'enterprise income tax' },
    vat: { zh: '增值税', en: 'VAT' },
  },
  region: {
    core: { zh: '都市功能核心区', en: 'core metropolitan region' },
    extension: { zh: '都市功能拓展区', en: 'metropolitan extension region' },
    'new-urban': { zh: '城市发展新区', en: 'new urban development region' },
    northeast: { zh: '渝东北生态涵养发展区', en: 'northeast ecological conservation region' },
    southeast: { zh: '渝东南生态保护发展区', en: 'southeast ecological protection region' },
  },
  status: {
    eligible: { zh: '符合', en: 'eligible' },
    ineligible: { zh: '不符合', en: 'ineligible' },
    'needs-info': { zh: '需补充信息', en: 'needs information' },
  },
};

const get = (w: Words | undefined, k: string): TextPair | undefined => (w && Object.hasOwn(w, k) ? w[k] : undefined);

/**
 * The key of a fact or profile path in these tables: `utilities[0].kind` -> `utilities.kind`,
 * `fiscalYears.2018.revenue` -> `year.revenue`, `item.kind` inside utilities -> `utilities.kind`.
 */
export function vocabularyKey(fact: string, collection?: string): string {
  if (fact.startsWith('item.') && collection) return `${collection}.${fact.slice(5)}`;
  const year = /^fiscalYears\.\d{4}\.(\w+)$/.exec(fact);
  if (year) return `year.${year[1]}`;
  return fact.replace(/\[\d+\]/g, '');
}

/** A fact as a noun phrase, or undefined where the tables do not know it. */
export function factWords(fact: string, collection?: string): TextPair | undefined {
  const key = vocabularyKey(fact, collection);
  const activity = /^activities\.(\w+)$/.exec(key);
  if (activity) return get(ACTIVITIES, activity[1]!);
  const policy = /^policies\.(P(\d{2}))\.(eligible|status)$/.exec(key);
  if (policy) {
    const n = Number(policy[2]);
    return { zh: `第${n}条政策（${policy[1]}）是否适用`, en: `whether article ${n} (${policy[1]}) applies` };
  }
  return get(FACTS, key);
}

/** An enum value in words, or undefined where the tables do not know it. */
export function valueWords(fact: string, value: string, collection?: string): TextPair | undefined {
  const key = vocabularyKey(fact, collection);
  if (/^policies\.P\d{2}\.status$/.test(key)) return get(VALUES.status, value);
  return get(Object.hasOwn(VALUES, key) ? VALUES[key] : undefined, value);
}

/** Every enum and its value words, for renderers that list the choices (the interview, the schema). */
export function enumWords(key: string): Words | undefined {
  return Object.hasOwn(VALUES, key) ? VALUES[key] : undefined;
}
