import type { TextPair } from '../rules/rule-schema.js';
import { enumWords } from '../facts/vocabulary.js';

/**
 * What each field of the profile means, in both languages (what each enum value means is the
 * engine's vocabulary, vocabulary.ts, the words every output uses): the one source of the JSON Schema's
 * descriptions (profile-json-schema.ts) and of docs/profile.md (src/render/profile-doc.ts). Keys
 * are paths as the schema nests them: `fiscalYears.{year}.revenue` for any year, `land[].use` for
 * every parcel, `facilities[]` for the items of a list. Generating the schema fails when a
 * property has no entry here, so a new field cannot go undescribed.
 */
export interface FieldDoc {
  zh: string;
  en: string;
  /** The unit of a number: money is always 元. */
  unit?: TextPair;
  /** What each enum value means. */
  values?: Readonly<Record<string, TextPair>>;
  /** One typical value, as it is written in the JSON file. */
  example?: unknown;
}

const YUAN: TextPair = { zh: '元', en: 'yuan (元)' };
const SQM: TextPair = { zh: '平方米', en: 'square metres (平方米)' };
const YUAN_PER_SQM: TextPair = { zh: '元/平方米', en: 'yuan per square metre (元/平方米)' };
const YUAN_PER_UNIT: TextPair = { zh: '元/计量单位（见 unit）', en: 'yuan per unit of the line (元 per `unit`)' };
const YEARS: TextPair = { zh: '年', en: 'years (年)' };

const yesNo = (zh: string, en: string): FieldDoc => ({ zh, en, example: true });

export const FIELD_DOCS: Readonly<Record<string, FieldDoc>> = {
  $schema: {
    zh: '本文件所依据的 JSON Schema 的位置，供编辑器在输入时检查和提示；policy-calc 不读它',
    en: 'Where the JSON Schema of this file is, so that an editor checks and explains it while it is typed; policy-calc ignores it',
    example: '../schema/profile.schema.json',
  },
  name: { zh: '企业名称', en: 'Registered name of the enterprise', example: '重庆云数智联科技有限公司' },
  creditCode: {
    zh: '18 位统一社会信用代码（GB 32100-2015），校验位须正确；第 3-8 位以 50 开头表示登记在重庆',
    en: '18-character unified social credit code (GB 32100-2015); its check character must be right; characters 3-8 beginning with 50 place the enterprise in Chongqing',
    example: '91500112MA5U7K3X23',
  },
  registrationDate: {
    zh: '登记注册之日，YYYY-MM-DD；决定新开办企业的补贴期间和适用的期间条件',
    en: 'Date of business registration, 登记注册之日, YYYY-MM-DD; it starts the two-year subsidy window and decides the period conditions',
    example: '2017-03-15',
  },
  district: {
    zh: '注册所在的重庆市区县，用中文全称，如“渝北区”；决定功能区及其重点产业',
    en: 'Chongqing district or county of registration, by its full Chinese name such as 渝北区; it places the enterprise in a functional region with its priority industries',
    example: '渝北区',
  },
  functionalRegion: {
    zh: '功能区；只对跨内环的五个区（大渡口、江北、沙坪坝、九龙坡、南岸）有意义：填 core 表示位于核心区内，否则按区县确定',
    en: 'Functional region; it matters only for the five districts that straddle the inner ring (大渡口区, 江北区, 沙坪坝区, 九龙坡区, 南岸区): core says the enterprise is inside it; elsewhere the district decides',
    values: enumWords('region'),
    example: 'core',
  },
  industry: {
    zh: '主营业务属于十大战略性新兴服务业中的哪一类，不属于则为 other；大多数政策只适用于这十类',
    en: 'Which of the ten strategic emerging service industries the main business belongs to, or other; most policies are for these ten only',
    values: enumWords('industry'),
    example: 'cloud-bigdata',
  },
  nationalIndustryCode: {
    zh: '主营业务的国民经济行业代码（GB/T 4754-2017）：门类字母 A-T 加 2 至 4 位数字；决定是否属于不得加计扣除研发费用的行业',
    en: 'GB/T 4754-2017 national industry code of the main business: a section letter A-T and 2 to 4 digits; it says whether the industry is one barred from the R&D extra deduction',
    example: 'I6510',
  },
  ownership: {
    zh: '所有制类型',
    en: 'Ownership type',
    values: enumWords('ownership'),
    example: 'private',
  },
  establishment: {
    zh: '企业如何设立',
    en: 'How the enterprise came into being',
    values: enumWords('establishment'),
    example: 'new',
  },
  size: {
    zh: '企业规模（自行申报）；不填时按国家中小企业划型标准由从业人员、营业收入和资产总额推算，输出注明是推算的',
    en: 'Enterprise size as declared; when absent it is derived from the headcount, revenue and total assets under the national SME classification standard, and the output says so',
    values: enumWords('size'),
    example: 'small',
  },
  employees: {
    zh: '从业人员数（人），用于推算企业规模',
    en: 'Headcount (persons), used to derive the size',
    unit: { zh: '人', en: 'persons (人)' },
    example: 45,
  },
  highTechEnterprise: {
    zh: '是否为认定的高新技术企业；从 2018 年起决定亏损（含未扣除的加计扣除额）可结转十年而非五年（财税〔2018〕76号）；高新技术企业 15% 税率不能与西部大开发税率叠加',
    en: 'Recognized as a high-tech enterprise (高新技术企业): from 2018 losses, including an extra deduction not used, carry forward ten years instead of five (财税〔2018〕76号); its own 15% rate cannot be combined with the Western Development rate',
    example: false,
  },
  technologySme: {
    zh: '是否已登记为科技型中小企业；只决定研发费用加计扣除的比例，不填按“否”计算并在假设中说明',
    en: 'Registered as a technology-based SME (科技型中小企业); it only picks the R&D deduction rate: absent counts as false and is listed among the assumptions',
    example: true,
  },
  encouragedCatalog: {
    zh: '主营业务是否属于《西部地区鼓励类产业目录》；西部大开发 15% 税率的条件',
    en: 'The main business is in the Western Region Encouraged Industries Catalogue (西部地区鼓励类产业目录); a condition of the 15% western development rate',
    example: true,
  },
  headquarters: {
    zh: '新引进的总部：类型及是否已认定；不是总部填 null',
    en: 'A newly introduced headquarters: its type and whether it is recognized; null when the enterprise is none',
    example: { type: 'regional-hq', recognized: true },
  },
  'headquarters.type': {
    zh: '总部类型',
    en: 'Kind of headquarters',
    values: enumWords('headquarters.type'),
    example: 'regional-hq',
  },
  'headquarters.recognized': {
    zh: '是否已被认定为知名企业的总部',
    en: 'Recognized as the headquarters of a well-known enterprise',
    example: true,
  },
  fiscalYears: {
    zh: '各会计年度的财务数据，以年份为键（如 "2017"）；金额单位均为元，写作字符串 "1234.56" 或数字',
    en: 'Financial figures per fiscal year, keyed by the year ("2017"); all money in yuan (元), written as a string "1234.56" or a number',
    example: { '2017': { revenue: '6200000.00' } },
  },
  'fiscalYears.{year}.revenue': { zh: '当年营业收入', en: 'Revenue of the year', unit: YUAN, example: '6200000.00' },
  'fiscalYears.{year}.mainBusinessRevenue': {
    zh: '当年主营业务收入；与营业收入之比即主营业务收入占比',
    en: 'Main-business revenue of the year; divided by the revenue it gives the main-business share',
    unit: YUAN,
    example: '5580000.00',
  },
  'fiscalYears.{year}.totalAssets': { zh: '年末资产总额', en: 'Total assets at the end of the year', unit: YUAN, example: '9000000.00' },
  'fiscalYears.{year}.taxableIncome': {
    zh: '应纳税所得额（研发费用加计扣除前），可为负数（亏损）',
    en: 'Taxable income before the R&D extra deduction; may be negative (a loss)',
    unit: YUAN,
    example: '820000.00',
  },
  'fiscalYears.{year}.rdExpensed': {
    zh: '当年费用化的研发支出（计入当期损益）',
    en: 'R&D expense charged to profit or loss in the year',
    unit: YUAN,
    example: '1240000.00',
  },
  'fiscalYears.{year}.rdIntangibleAmortization': {
    zh: '研发形成的无形资产当年的摊销额',
    en: 'Amortization in the year of intangible assets formed by R&D',
    unit: YUAN,
    example: '0.00',
  },
  'fiscalYears.{year}.rdExpensedQ4': {
    zh: '仅 2022 年度：10 月 1 日至 12 月 31 日发生的费用化研发支出（该季度按 100% 加计扣除）；不填按全年的 92/365 计算',
    en: '2022 only: R&D expense charged from 1 October to 31 December (deducted at 100% that quarter); absent, 92/365 of the year is taken',
    unit: YUAN,
    example: '310000.00',
  },
  'fiscalYears.{year}.rdIntangibleAmortizationQ4': {
    zh: '仅 2022 年度：10 月 1 日至 12 月 31 日的研发无形资产摊销额；不填按全年的 92/365 计算',
    en: '2022 only: amortization of R&D intangibles from 1 October to 31 December; absent, 92/365 of the year is taken',
    unit: YUAN,
    example: '0.00',
  },
  taxPayments: {
    zh: '实际缴纳的企业所得税和增值税，每笔一项（缴纳日期、税种、金额）；没有缴过税填 []',
    en: 'Enterprise income tax and VAT actually paid, one entry per payment (date, tax, amount); [] when none was paid',
    example: [{ date: '2017-07-15', tax: 'cit', amount: '35000.00' }],
  },
  'taxPayments[].date': { zh: '缴纳日期，YYYY-MM-DD', en: 'Date paid, YYYY-MM-DD', example: '2017-07-15' },
  'taxPayments[].tax': {
    zh: '税种',
    en: 'Which tax',
    values: enumWords('taxPayments.tax'),
    example: 'cit',
  },
  'taxPayments[].amount': { zh: '缴纳金额', en: 'Amount paid', unit: YUAN, example: '35000.00' },
  land: {
    zh: '取得或拟取得的土地，每宗地一项；没有填 []',
    en: 'Land parcels acquired or to be acquired, one entry each; [] when there is none',
    example: [{ use: 'commercial', areaSqm: '3500', basePricePerSqm: '1240.00', acquisition: 'transfer', inRecognizedCluster: false }],
  },
  'land[].id': { zh: '宗地编号（仅用于识别，可不填）', en: 'Identifier of the parcel (only to tell parcels apart; optional)', example: 'SZ-2018-07' },
  'land[].use': {
    zh: '规划用途',
    en: 'Planned use',
    values: enumWords('land.use'),
    example: 'commercial',
  },
  'land[].areaSqm': { zh: '宗地面积', en: 'Area of the parcel', unit: SQM, example: '3500' },
  'land[].basePricePerSqm': { zh: '该用途的基准地价', en: 'Base land price for the use', unit: YUAN_PER_SQM, example: '1240.00' },
  'land[].acquisition': {
    zh: '取得方式',
    en: 'How the parcel is acquired',
    values: enumWords('land.acquisition'),
    example: 'transfer',
  },
  'land[].inRecognizedCluster': {
    zh: '是否位于认定的战略性新兴服务业集聚区内',
    en: 'Lies in a recognized cluster of strategic emerging service industries',
    example: false,
  },
  'land[].leaseYears': { zh: '先租后让的租赁年限（1-70 年）', en: 'Lease term before the transfer (1 to 70 years)', unit: YEARS, example: 10 },
  'land[].filedOn': { zh: '存量用地办理备案之日，YYYY-MM-DD；五年过渡期自此起算', en: 'Date an old-town parcel was filed, YYYY-MM-DD; its five-year period starts then', example: '2018-03-01' },
  facilities: {
    zh: '企业经营的设施，决定水电气可按哪种价格执行；没有填 []',
    en: 'Facilities the enterprise runs; they decide which utility price it may pay; [] when none',
    example: ['star-hotel', 'hot-spring'],
  },
  'facilities[]': {
    zh: '设施类型',
    en: 'Kind of facility',
    values: enumWords('facilities'),
    example: 'hot-spring',
  },
  utilities: {
    zh: '用电、用水、用气，每条计量一项（用量、现行单价、参考价格）；没有填 []',
    en: 'Electricity, water and gas, one entry per metered line (quantity, current price, reference prices); [] when none',
    example: [{ kind: 'electricity', quantity: '420000', unit: 'kWh', currentPrice: '0.7836', referencePrices: { industrial: '0.6420' } }],
  },
  'utilities[].kind': {
    zh: '能源种类',
    en: 'Kind of utility',
    values: enumWords('utilities.kind'),
    example: 'electricity',
  },
  'utilities[].quantity': {
    zh: '评估年度的用量，按 unit 计量',
    en: 'Quantity used in the year evaluated, in `unit`',
    unit: { zh: '见 unit（如千瓦时、立方米）', en: 'the line’s `unit` (kWh, m3, ...)' },
    example: '420000',
  },
  'utilities[].unit': { zh: '计量单位，如 kWh、m3（仅用于显示）', en: 'Unit of measure such as kWh or m3 (shown only)', example: 'kWh' },
  'utilities[].currentPrice': { zh: '现行单价', en: 'Price now paid per unit', unit: YUAN_PER_UNIT, example: '0.7836' },
  'utilities[].purpose': {
    zh: '用途；其中 bathing（温泉洗浴用水）决定第22条的除外情形；一般用途可不填',
    en: 'What the line is used for; bathing (a hot spring’s bathing water) decides article 22’s exclusion; may be left out for ordinary use',
    values: enumWords('utilities.purpose'),
    example: 'bathing',
  },
  'utilities[].referencePrices': {
    zh: '可比照执行的参考价格，填已知的',
    en: 'The reference prices the line may be charged at, those known',
    example: { industrial: '0.6420' },
  },
  'utilities[].referencePrices.industrial': { zh: '一般工商业（工业）价格', en: 'Industrial price', unit: YUAN_PER_UNIT, example: '0.6420' },
  'utilities[].referencePrices.residential': { zh: '居民用（非阶梯）价格', en: 'Residential (non-tiered) price', unit: YUAN_PER_UNIT, example: '0.5200' },
  'utilities[].referencePrices.publicMedical': { zh: '公立医疗机构价格', en: 'Price paid by public medical institutions', unit: YUAN_PER_UNIT, example: '0.6100' },
  activities: {
    zh: '决定不可量化政策的事实，每项为 true 或 false；不知道的不要填',
    en: 'Facts that decide the non-monetary policies, each true or false; leave out what is not known',
    example: { supportedProject: true },
  },
  'activities.publicServiceProvider': yesNo('提供教育、医疗、养老、文化等公共服务', 'Provides public services (education, health, elderly care, culture)'),
  'activities.inPurchaseCatalog': yesNo('服务已列入政府购买服务目录', 'Its services are in the government purchase-of-services catalogue'),
  'activities.foreignCooperationProject': yesNo('承接对外合作项目', 'Runs a foreign cooperation project'),
  'activities.crossBorderEcommerceExport': yesNo('开展跨境电子商务出口', 'Exports through cross-border e-commerce'),
  'activities.exportTaxRefund': yesNo('申请出口退（免）税', 'Claims export VAT refunds or exemptions'),
  'activities.globalFortune500': yesNo('为世界 500 强企业或其设立的机构', 'Is a Global Fortune 500 company or set up by one'),
  'activities.china500': yesNo('为中国 500 强企业或其设立的机构', 'Is a China Top 500 company or set up by one'),
  'activities.majorInvestmentProject': yesNo('有重大投资项目', 'Has a major investment project'),
  'activities.supportedProject': yesNo('有获得国家或市级支持的项目', 'Has a project supported by the state or the municipality'),
  'activities.guidanceFundProject': yesNo('寻求产业引导股权投资基金投资', 'Seeks investment from the industry guidance equity fund'),
  'activities.noCollateralLoan': yesNo('需要无抵押（信用）贷款', 'Needs a loan without collateral (a credit loan)'),
  'activities.firstLoan': yesNo('为首次向银行申请贷款', 'Is applying for its first bank loan'),
  'activities.seekingDirectFinancing': yesNo('计划股权交易所挂牌、发行债券、私募股权或新三板等直接融资', 'Plans direct financing: an equity exchange listing, bonds, private equity or the NEEQ'),
  'activities.financialInstitutionServingSesi': yesNo('为服务战略性新兴服务业的基金、担保等金融机构', 'Is a fund, guarantor or other financial institution serving these industries'),
  'activities.overseasAfterSalesCenter': yesNo('设立境外售后服务中心', 'Sets up an overseas after-sales service centre'),
  'activities.recruitingTalent': yesNo('正在引进高层次人才或团队', 'Is recruiting high-level talent or teams'),
  'activities.trainingTalent': yesNo('开展人才培训', 'Trains its staff'),
  'activities.nursingStaffTraining': yesNo('开展护理人员培训', 'Trains nursing staff'),
  'activities.qualifiedTalent': yesNo('有符合条件、可享受住房、户籍、社保等支持的引进人才', 'Employs qualified talent eligible for housing, hukou and social insurance support'),
  manufacturingSector: {
    zh: '制造业领域，用于第 19 条（境外售后服务中心）',
    en: 'Manufacturing sector, for article 19 (overseas after-sales centres)',
    values: enumWords('manufacturingSector'),
    example: 'automotive',
  },
};

/** The hover text of a field: Chinese, then English, the unit, and what each value means. */
export function fieldDescription(d: FieldDoc): string {
  const parts = [`${d.zh}。${d.en}.`];
  if (d.unit) parts.push(`单位 Unit: ${d.unit.zh === d.unit.en ? d.unit.zh : `${d.unit.zh}, ${d.unit.en}`}.`);
  if (d.values) parts.push(`Values: ${Object.entries(d.values).map(([v, m]) => `${v} = ${m.zh} ${m.en}`).join('; ')}.`);
  return parts.join(' ');
}
