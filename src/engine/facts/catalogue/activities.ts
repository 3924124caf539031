import { type Catalogue } from './fact-entry.js';

/**
 * The yes-or-no facts that decide the non-monetary policies (`activities.firstLoan`).
 */
export const ACTIVITIES: Catalogue = {
  activities: {
    about: {
      zh: '决定不可量化政策的事实，每项为 true 或 false；不知道的不要填',
      en: 'Facts that decide the non-monetary policies, each true or false; leave out what is not known',
    },
    example: { supportedProject: true },
  },
  'activities.publicServiceProvider': {
    label: { zh: '是否提供公共服务', en: 'whether it provides public services' },
    question: {
      zh: '企业是否提供公共服务（教育、医疗、养老、文化等）？',
      en: 'Does the enterprise provide public services (education, health, elderly care, culture)?',
    },
    about: { zh: '提供教育、医疗、养老、文化等公共服务', en: 'Provides public services (education, health, elderly care, culture)' },
    example: true,
  },
  'activities.inPurchaseCatalog': {
    label: { zh: '是否列入政府购买服务目录', en: 'whether its services are in the purchase catalogue' },
    question: { zh: '企业的服务是否列入政府购买服务目录？', en: 'Are the enterprise’s services in the government purchase-of-services catalogue?' },
    about: { zh: '服务已列入政府购买服务目录', en: 'Its services are in the government purchase-of-services catalogue' },
    example: true,
  },
  'activities.foreignCooperationProject': {
    label: { zh: '是否承接对外合作项目', en: 'whether it runs a foreign cooperation project' },
    question: { zh: '企业是否承接对外合作项目？', en: 'Does the enterprise run a foreign cooperation project?' },
    about: { zh: '承接对外合作项目', en: 'Runs a foreign cooperation project' },
    example: true,
  },
  'activities.crossBorderEcommerceExport': {
    label: { zh: '是否开展跨境电子商务出口', en: 'whether it exports through cross-border e-commerce' },
    question: { zh: '企业是否开展跨境电子商务出口？', en: 'Does the enterprise export through cross-border e-commerce?' },
    about: { zh: '开展跨境电子商务出口', en: 'Exports through cross-border e-commerce' },
    example: true,
  },
  'activities.exportTaxRefund': {
    label: { zh: '是否申请出口退（免）税', en: 'whether it claims export tax refunds' },
    question: { zh: '企业是否申请出口退税？', en: 'Does the enterprise claim export tax refunds?' },
    about: { zh: '申请出口退（免）税', en: 'Claims export VAT refunds or exemptions' },
    example: true,
  },
  'activities.globalFortune500': {
    label: { zh: '是否为世界500强企业', en: 'whether it is a Global Fortune 500 company' },
    question: { zh: '企业是否为世界500强企业或其设立的机构？', en: 'Is the enterprise a Global Fortune 500 company or set up by one?' },
    about: { zh: '为世界 500 强企业或其设立的机构', en: 'Is a Global Fortune 500 company or set up by one' },
    example: true,
  },
  'activities.china500': {
    label: { zh: '是否为中国500强企业', en: 'whether it is a China Top 500 company' },
    question: { zh: '企业是否为中国500强企业或其设立的机构？', en: 'Is the enterprise a China Top 500 company or set up by one?' },
    about: { zh: '为中国 500 强企业或其设立的机构', en: 'Is a China Top 500 company or set up by one' },
    example: true,
  },
  'activities.majorInvestmentProject': {
    label: { zh: '是否有重大投资项目', en: 'whether it has a major investment project' },
    question: { zh: '企业是否有重大投资项目？', en: 'Does the enterprise have a major investment project?' },
    about: { zh: '有重大投资项目', en: 'Has a major investment project' },
    example: true,
  },
  'activities.supportedProject': {
    label: { zh: '是否有国家或市级支持的项目', en: 'whether it has a state or municipal supported project' },
    question: { zh: '企业是否有获得国家或市级支持的项目？', en: 'Does the enterprise have a project supported by the state or the municipality?' },
    about: { zh: '有获得国家或市级支持的项目', en: 'Has a project supported by the state or the municipality' },
    example: true,
  },
  'activities.guidanceFundProject': {
    label: { zh: '是否寻求产业引导基金投资', en: 'whether it seeks guidance-fund investment' },
    question: { zh: '企业是否寻求产业引导股权投资基金投资？', en: 'Is the enterprise seeking investment from the industry guidance equity fund?' },
    about: { zh: '寻求产业引导股权投资基金投资', en: 'Seeks investment from the industry guidance equity fund' },
    example: true,
  },
  'activities.noCollateralLoan': {
    label: { zh: '是否需要无抵押贷款', en: 'whether it needs a loan without collateral' },
    question: { zh: '企业是否需要无抵押（信用）贷款？', en: 'Does the enterprise need a loan without collateral?' },
    about: { zh: '需要无抵押（信用）贷款', en: 'Needs a loan without collateral (a credit loan)' },
    example: true,
  },
  'activities.firstLoan': {
    label: { zh: '是否为首次贷款', en: 'whether this is its first loan' },
    question: { zh: '企业是否为首次向银行申请贷款？', en: 'Is this the enterprise’s first bank loan?' },
    about: { zh: '为首次向银行申请贷款', en: 'Is applying for its first bank loan' },
    example: true,
  },
  'activities.seekingDirectFinancing': {
    label: { zh: '是否计划直接融资', en: 'whether it plans direct financing' },
    question: {
      zh: '企业是否计划通过股权交易所挂牌、发行债券、私募股权或新三板等方式直接融资？',
      en: 'Does the enterprise plan direct financing (equity exchange listing, bonds, private equity, NEEQ)?',
    },
    about: {
      zh: '计划股权交易所挂牌、发行债券、私募股权或新三板等直接融资',
      en: 'Plans direct financing: an equity exchange listing, bonds, private equity or the NEEQ',
    },
    example: true,
  },
  'activities.financialInstitutionServingSesi': {
    label: { zh: '是否为服务战略性新兴服务业的金融机构', en: 'whether it is a financial institution serving these industries' },
    question: {
      zh: '企业是否为服务战略性新兴服务业的基金、担保等金融机构？',
      en: 'Is the enterprise a fund, guarantor or other financial institution serving these industries?',
    },
    about: { zh: '为服务战略性新兴服务业的基金、担保等金融机构', en: 'Is a fund, guarantor or other financial institution serving these industries' },
    example: true,
  },
  'activities.overseasAfterSalesCenter': {
    label: { zh: '是否设立境外售后服务中心', en: 'whether it sets up an overseas after-sales centre' },
    question: { zh: '企业是否设立境外售后服务中心？', en: 'Does the enterprise set up an overseas after-sales service centre?' },
    about: { zh: '设立境外售后服务中心', en: 'Sets up an overseas after-sales service centre' },
    example: true,
  },
  'activities.recruitingTalent': {
    label: { zh: '是否引进高层次人才', en: 'whether it recruits high-level talent' },
    question: { zh: '企业是否正在引进高层次人才？', en: 'Is the enterprise recruiting high-level talent?' },
    about: { zh: '正在引进高层次人才或团队', en: 'Is recruiting high-level talent or teams' },
    example: true,
  },
  'activities.trainingTalent': {
    label: { zh: '是否开展人才培训', en: 'whether it trains talent' },
    question: { zh: '企业是否开展人才培训？', en: 'Does the enterprise train its staff?' },
    about: { zh: '开展人才培训', en: 'Trains its staff' },
    example: true,
  },
  'activities.nursingStaffTraining': {
    label: { zh: '是否开展护理人员培训', en: 'whether it trains nursing staff' },
    question: { zh: '企业是否开展护理人员培训？', en: 'Does the enterprise train nursing staff?' },
    about: { zh: '开展护理人员培训', en: 'Trains nursing staff' },
    example: true,
  },
  'activities.qualifiedTalent': {
    label: { zh: '是否有符合条件的引进人才', en: 'whether it employs qualified talent' },
    question: {
      zh: '企业是否有符合条件的引进人才（可享受住房、户籍、社保等支持）？',
      en: 'Does the enterprise employ qualified talent (eligible for housing, hukou, social insurance support)?',
    },
    about: {
      zh: '有符合条件、可享受住房、户籍、社保等支持的引进人才',
      en: 'Employs qualified talent eligible for housing, hukou and social insurance support',
    },
    example: true,
  },
};
