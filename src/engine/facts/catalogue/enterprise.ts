import { ESTABLISHMENTS, INDUSTRIES, MANUFACTURING_SECTORS, OWNERSHIPS } from '../../profile/profile-schema.js';
import type { Catalogue, Words } from './fact-entry.js';

/** The sizes of the national SME standard: the size declared or derived, and the size at opening. */
const SIZE_WORDS: Words = {
  large: { zh: '大型', en: 'large' },
  medium: { zh: '中型', en: 'medium' },
  small: { zh: '小型', en: 'small' },
  micro: { zh: '微型', en: 'micro' },
};

/** The functional regions: the derived `region`, and the `functionalRegion` a profile may state. */
const REGION_WORDS: Words = {
  core: { zh: '都市功能核心区', en: 'core metropolitan region' },
  extension: { zh: '都市功能拓展区', en: 'metropolitan extension region' },
  'new-urban': { zh: '城市发展新区', en: 'new urban development region' },
  northeast: { zh: '渝东北生态涵养发展区', en: 'northeast ecological conservation region' },
  southeast: { zh: '渝东南生态保护发展区', en: 'southeast ecological protection region' },
};

/**
 * The enterprise itself: who it is, where, in which industry, how large; its headquarters; and the
 * facts derived from them (a Chongqing registration, a manufacturer, an industry barred from the
 * R&D extra deduction, another national rate). `window` is the subsidy period, asked for by its start.
 */
export const ENTERPRISE: Catalogue = {
  $schema: {
    about: {
      zh: '本文件所依据的 JSON Schema 的位置，供编辑器在输入时检查和提示；policy-calc 不读它',
      en: 'Where the JSON Schema of this file is, so that an editor checks and explains it while it is typed; policy-calc ignores it',
    },
    example: '../schema/profile.schema.json',
  },
  name: {
    read: { type: 'string' },
    label: { zh: '企业名称', en: 'the enterprise’s name' },
    question: { zh: '企业的全称是什么？', en: 'What is the enterprise’s registered name?' },
    about: { zh: '企业名称', en: 'Registered name of the enterprise' },
    example: '重庆云数智联科技有限公司',
  },
  creditCode: {
    read: { type: 'string' },
    label: { zh: '统一社会信用代码', en: 'the unified social credit code' },
    question: { zh: '企业的统一社会信用代码是什么？', en: 'What is the enterprise’s unified social credit code?' },
    about: {
      zh: '18 位统一社会信用代码（GB 32100-2015），校验位须正确；第 3-8 位以 50 开头表示登记在重庆',
      en: '18-character unified social credit code (GB 32100-2015); its check character must be right; characters 3-8 beginning with 50 place the enterprise in Chongqing',
    },
    example: '91500112MA5U7K3X23',
  },
  registrationDate: {
    read: { type: 'date' },
    label: { zh: '登记注册日期', en: 'the registration date' },
    question: { zh: '企业的登记注册日期是哪一天？', en: 'On what date was the enterprise registered?' },
    about: {
      zh: '登记注册之日，YYYY-MM-DD；决定新开办企业的补贴期间和适用的期间条件',
      en: 'Date of business registration, 登记注册之日, YYYY-MM-DD; it starts the two-year subsidy window and decides the period conditions',
    },
    example: '2017-03-15',
  },
  district: {
    read: { type: 'string' },
    label: { zh: '注册所在区县', en: 'the district of registration' },
    question: { zh: '企业注册在重庆市哪个区县？', en: 'In which Chongqing district or county is the enterprise registered?' },
    about: {
      zh: '注册所在的重庆市区县，用中文全称，如“渝北区”；决定功能区及其重点产业',
      en: 'Chongqing district or county of registration, by its full Chinese name such as 渝北区; it places the enterprise in a functional region with its priority industries',
    },
    example: '渝北区',
  },
  functionalRegion: {
    label: { zh: '所在功能区', en: 'the functional region' },
    question: { zh: '企业位于哪个功能区？', en: 'In which functional region is the enterprise located?' },
    about: {
      zh: '功能区；只对跨内环的五个区（大渡口、江北、沙坪坝、九龙坡、南岸）有意义：填 core 表示位于核心区内，否则按区县确定',
      en: 'Functional region; it matters only for the five districts that straddle the inner ring (大渡口区, 江北区, 沙坪坝区, 九龙坡区, 南岸区): core says the enterprise is inside it; elsewhere the district decides',
    },
    example: 'core',
    values: REGION_WORDS,
  },
  region: {
    label: { zh: '所在功能区', en: 'the functional region' },
    values: REGION_WORDS,
  },
  industry: {
    read: { type: 'enum', values: INDUSTRIES },
    label: { zh: '主营业务所属行业', en: 'the industry of the main business' },
    question: {
      zh: '企业主营业务属于十大战略性新兴服务业中的哪一类（或不属于）？',
      en: 'Which of the ten strategic emerging service industries does the main business belong to, if any?',
    },
    about: {
      zh: '主营业务属于十大战略性新兴服务业中的哪一类，不属于则为 other；大多数政策只适用于这十类',
      en: 'Which of the ten strategic emerging service industries the main business belongs to, or other; most policies are for these ten only',
    },
    example: 'cloud-bigdata',
    values: {
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
  },
  nationalIndustryCode: {
    read: { type: 'string' },
    label: { zh: '国民经济行业代码', en: 'the national industry code' },
    question: {
      zh: '主营业务的国民经济行业代码（GB/T 4754-2017，如 I6510）是什么？',
      en: 'What is the national industry code of the main business (GB/T 4754-2017, e.g. I6510)?',
    },
    about: {
      zh: '主营业务的国民经济行业代码（GB/T 4754-2017）：门类字母 A-T 加 2 至 4 位数字；决定是否属于不得加计扣除研发费用的行业',
      en: 'GB/T 4754-2017 national industry code of the main business: a section letter A-T and 2 to 4 digits; it says whether the industry is one barred from the R&D extra deduction',
    },
    example: 'I6510',
  },
  ownership: {
    read: { type: 'enum', values: OWNERSHIPS },
    label: { zh: '所有制类型', en: 'the ownership' },
    question: {
      zh: '企业的所有制类型是什么（民营、国有、集体、外资、混合）？',
      en: 'What is the ownership type (private, state, collective, foreign, mixed)?',
    },
    about: { zh: '所有制类型', en: 'Ownership type' },
    example: 'private',
    values: {
      private: { zh: '民营', en: 'private' },
      state: { zh: '国有', en: 'state-owned' },
      collective: { zh: '集体', en: 'collective' },
      foreign: { zh: '外资', en: 'foreign-invested' },
      mixed: { zh: '混合所有制', en: 'mixed ownership' },
    },
  },
  establishment: {
    read: { type: 'enum', values: ESTABLISHMENTS },
    label: { zh: '设立方式', en: 'how the enterprise was set up' },
    question: {
      zh: '企业是新开办的，还是从外地迁入或改制设立的？',
      en: 'Was the enterprise newly set up, relocated from elsewhere, or formed by restructuring?',
    },
    about: { zh: '企业如何设立', en: 'How the enterprise came into being' },
    example: 'new',
    values: {
      new: { zh: '新设立', en: 'newly set up' },
      relocated: { zh: '从外地迁入', en: 'relocated from elsewhere' },
      restructured: { zh: '改制设立', en: 'formed by restructuring' },
    },
  },
  size: {
    label: { zh: '企业规模', en: 'the enterprise size' },
    question: {
      zh: '企业规模是大型、中型、小型还是微型？如不确定，请提供从业人员数、营业收入和资产总额，以便按划型标准推算。',
      en: 'Is the enterprise large, medium, small or micro? If unsure, give its headcount, revenue and total assets so the size can be derived.',
    },
    about: {
      zh: '企业规模（自行申报）；不填时按国家中小企业划型标准由从业人员、营业收入和资产总额推算，输出注明是推算的',
      en: 'Enterprise size as declared; when absent it is derived from the headcount, revenue and total assets under the national SME classification standard, and the output says so',
    },
    example: 'small',
    values: SIZE_WORDS,
  },
  sizeAtOpening: {
    label: { zh: '开办时的企业规模', en: 'the enterprise size at opening' },
    values: SIZE_WORDS,
  },
  employees: {
    read: { type: 'number' },
    label: { zh: '从业人员数', en: 'the headcount' },
    question: { zh: '企业目前有多少从业人员？', en: 'How many people does the enterprise employ?' },
    about: { zh: '从业人员数（人），用于推算企业规模', en: 'Headcount (persons), used to derive the size' },
    unit: { zh: '人', en: 'persons (人)' },
    example: 45,
  },
  technologySme: {
    read: { type: 'boolean' },
    label: { zh: '是否为科技型中小企业', en: 'whether it is a technology-based SME' },
    question: { zh: '企业是否已登记为科技型中小企业？', en: 'Is the enterprise registered as a technology-based SME (科技型中小企业)?' },
    about: {
      zh: '是否已登记为科技型中小企业；只决定研发费用加计扣除的比例，不填按“否”计算并在假设中说明',
      en: 'Registered as a technology-based SME (科技型中小企业); it only picks the R&D deduction rate: absent counts as false and is listed among the assumptions',
    },
    example: true,
  },
  highTechEnterprise: {
    read: { type: 'boolean' },
    label: { zh: '是否为高新技术企业', en: 'whether it is a high-tech enterprise' },
    question: { zh: '企业当年是否为经认定的高新技术企业？', en: 'Was the enterprise a recognized high-tech enterprise (高新技术企业) in the year?' },
    about: {
      zh: '是否为认定的高新技术企业；从 2018 年起决定亏损（含未扣除的加计扣除额）可结转十年而非五年（财税〔2018〕76号）；高新技术企业 15% 税率不能与西部大开发税率叠加',
      en: 'Recognized as a high-tech enterprise (高新技术企业): from 2018 losses, including an extra deduction not used, carry forward ten years instead of five (财税〔2018〕76号); its own 15% rate cannot be combined with the Western Development rate',
    },
    example: false,
  },
  nationalRateMayApply: {
    label: { zh: '是否可能适用其他减低税率优惠', en: 'whether another reduced national rate may apply' },
  },
  encouragedCatalog: {
    read: { type: 'boolean' },
    label: {
      zh: '主营业务是否属于西部地区鼓励类产业目录',
      en: 'whether the main business is in the Western Region Encouraged Industries Catalogue',
    },
    question: {
      zh: '企业主营业务是否属于《西部地区鼓励类产业目录》？',
      en: 'Is the main business listed in the Western Region Encouraged Industries Catalogue?',
    },
    about: {
      zh: '主营业务是否属于《西部地区鼓励类产业目录》；西部大开发 15% 税率的条件',
      en: 'The main business is in the Western Region Encouraged Industries Catalogue (西部地区鼓励类产业目录); a condition of the 15% western development rate',
    },
    example: true,
  },
  manufacturingSector: {
    read: { type: 'enum', values: MANUFACTURING_SECTORS },
    label: { zh: '所属制造业领域', en: 'the manufacturing sector' },
    question: {
      zh: '企业属于哪个制造业领域（汽车、高端装备、轨道交通、航空或其他）？',
      en: 'Which manufacturing sector is the enterprise in (automotive, high-end equipment, rail transit, aviation, other)?',
    },
    about: { zh: '制造业领域，用于第 19 条（境外售后服务中心）', en: 'Manufacturing sector, for article 19 (overseas after-sales centres)' },
    example: 'automotive',
    values: {
      automotive: { zh: '汽车', en: 'automotive' },
      'high-end-equipment': { zh: '高端装备', en: 'high-end equipment' },
      'rail-transit': { zh: '轨道交通', en: 'rail transit' },
      aviation: { zh: '航空', en: 'aviation' },
      other: { zh: '其他', en: 'other' },
    },
  },
  headquarters: {
    read: { type: 'object' },
    label: { zh: '总部情况', en: 'the headquarters' },
    question: {
      zh: '企业是否为新引进的总部（企业总部、地区总部、采购中心、研发中心、后台中心或结算中心）？如是，属于哪一类？',
      en: 'Is the enterprise a newly introduced headquarters (enterprise HQ, regional HQ, procurement, R&D, back-office or settlement centre)? Which kind?',
    },
    about: {
      zh: '新引进的总部：类型及是否已认定；不是总部填 null',
      en: 'A newly introduced headquarters: its type and whether it is recognized; null when the enterprise is none',
    },
    example: { type: 'regional-hq', recognized: true },
  },
  'headquarters.type': {
    label: { zh: '总部类型', en: 'the kind of headquarters' },
    question: {
      zh: '该总部属于哪一类（企业总部、地区总部、采购中心、研发中心、后台中心、结算中心）？',
      en: 'Which kind of headquarters is it (enterprise, regional, procurement, R&D, back-office, settlement)?',
    },
    about: { zh: '总部类型', en: 'Kind of headquarters' },
    example: 'regional-hq',
    values: {
      'enterprise-hq': { zh: '企业总部', en: 'enterprise headquarters' },
      'regional-hq': { zh: '地区总部', en: 'regional headquarters' },
      'procurement-hq': { zh: '采购中心', en: 'procurement centre' },
      'rd-hq': { zh: '研发中心', en: 'R&D centre' },
      'back-office-center': { zh: '后台中心', en: 'back-office centre' },
      'settlement-center': { zh: '结算中心', en: 'settlement centre' },
    },
  },
  'headquarters.recognized': {
    label: { zh: '是否经认定为知名企业总部', en: 'whether the headquarters is recognized' },
    question: { zh: '该总部是否已被认定为知名企业总部？', en: 'Has the headquarters been recognized as that of a well-known enterprise?' },
    about: { zh: '是否已被认定为知名企业的总部', en: 'Recognized as the headquarters of a well-known enterprise' },
    example: true,
  },
  isSesi: {
    label: { zh: '是否属于十大战略性新兴服务业', en: 'whether it is in a strategic emerging service industry' },
  },
  inChongqing: {
    label: { zh: '是否在重庆市注册', en: 'whether it is registered in Chongqing' },
  },
  isManufacturer: {
    label: { zh: '是否为制造业企业', en: 'whether it is a manufacturer' },
  },
  rdIndustryExcluded: {
    label: { zh: '是否属于不适用加计扣除的行业', en: 'whether its industry is excluded from the extra deduction' },
  },
  window: {
    question: {
      zh: '企业的登记注册日期是哪一天（用于确定补贴期间）？',
      en: 'On what date was the enterprise registered (this fixes the subsidy period)?',
    },
  },
};
