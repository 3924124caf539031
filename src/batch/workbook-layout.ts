import {
  ACTIVITIES, ESTABLISHMENTS, FACILITIES, HQ_TYPES, INDUSTRIES, LAND_ACQUISITIONS, LAND_USES,
  MANUFACTURING_SECTORS, OWNERSHIPS, SIZES, TAX_KINDS, UTILITY_KINDS,
} from '../engine/index.js';
import { FUNCTIONAL_REGIONS } from '../engine/index.js';

/**
 * The profile workbook: one sheet of enterprises, one row each, and a sheet for each list of a
 * profile (fiscal years, tax payments, land parcels, utility lines), its rows joined to their
 * enterprise by the `key` column. Row 1 holds the Chinese headers, row 2 the field names, which
 * are what the reader goes by; data starts in row 3. The writer (xlsx-profiles.ts) and the reader
 * (xlsx-in.ts) both work from this one table, so that they cannot drift apart.
 */
export type CellKind =
  | 'text'
  | 'money'
  | 'date'
  | 'int'
  | 'bool'
  /** A comma-separated list of enum values (facilities). */
  | 'list'
  /** `none` where the profile gives an empty list or object, or null. */
  | 'none';

export interface Column {
  /** Field name, dotted below the sheet's record (`headquarters.type`). */
  key: string;
  zh: string;
  kind: CellKind;
  values?: readonly string[];
}

export type ListField = 'fiscalYears' | 'taxPayments' | 'land' | 'utilities';

export interface SheetLayout {
  /** Sheet name: Chinese, then the English the reader looks for. */
  name: string;
  en: string;
  /** The profile list this sheet holds; undefined for the enterprises sheet. */
  list?: ListField;
  columns: Column[];
}

export const KEY: Column = { key: 'key', zh: '编号（连接各表）', kind: 'text' };
export const HEADER_ROWS = 2;
/** The marker of an empty list or object, or of `"headquarters": null`. */
export const NONE = 'none';

const ACTIVITY_ZH: Record<(typeof ACTIVITIES)[number], string> = {
  publicServiceProvider: '提供公共服务',
  inPurchaseCatalog: '列入政府购买服务目录',
  foreignCooperationProject: '对外合作项目',
  crossBorderEcommerceExport: '跨境电子商务出口',
  exportTaxRefund: '出口退税',
  globalFortune500: '世界500强',
  china500: '中国500强',
  majorInvestmentProject: '重大投资项目',
  supportedProject: '国家或市级支持项目',
  guidanceFundProject: '产业引导基金项目',
  noCollateralLoan: '无抵押贷款',
  firstLoan: '首次贷款',
  seekingDirectFinancing: '寻求直接融资',
  financialInstitutionServingSesi: '服务战略性新兴服务业的金融机构',
  overseasAfterSalesCenter: '境外售后服务中心',
  recruitingTalent: '引进人才',
  trainingTalent: '培训人才',
  nursingStaffTraining: '护理人员培训',
  qualifiedTalent: '符合条件的人才',
};

export const ENTERPRISES: SheetLayout = {
  name: '企业 enterprises',
  en: 'enterprises',
  columns: [
    KEY,
    { key: 'name', zh: '企业名称', kind: 'text' },
    { key: 'creditCode', zh: '统一社会信用代码', kind: 'text' },
    { key: 'registrationDate', zh: '登记注册日期', kind: 'date' },
    { key: 'district', zh: '区县', kind: 'text' },
    { key: 'functionalRegion', zh: '功能区', kind: 'text', values: FUNCTIONAL_REGIONS },
    { key: 'industry', zh: '行业', kind: 'text', values: INDUSTRIES },
    { key: 'nationalIndustryCode', zh: '国民经济行业代码', kind: 'text' },
    { key: 'ownership', zh: '所有制', kind: 'text', values: OWNERSHIPS },
    { key: 'establishment', zh: '设立方式', kind: 'text', values: ESTABLISHMENTS },
    { key: 'size', zh: '企业规模', kind: 'text', values: SIZES },
    { key: 'employees', zh: '从业人员数', kind: 'int' },
    { key: 'technologySme', zh: '科技型中小企业', kind: 'bool' },
    { key: 'encouragedCatalog', zh: '属于西部鼓励类产业目录', kind: 'bool' },
    { key: 'headquarters', zh: '总部（无则填 none）', kind: 'none' },
    { key: 'headquarters.type', zh: '总部类型', kind: 'text', values: HQ_TYPES },
    { key: 'headquarters.recognized', zh: '认定为知名企业总部', kind: 'bool' },
    { key: 'manufacturingSector', zh: '制造业领域', kind: 'text', values: MANUFACTURING_SECTORS },
    { key: 'facilities', zh: '设施（逗号分隔；无则填 none）', kind: 'list', values: FACILITIES },
    { key: 'fiscalYears', zh: '财务年度（无则填 none）', kind: 'none' },
    { key: 'taxPayments', zh: '纳税记录（无则填 none）', kind: 'none' },
    { key: 'land', zh: '土地（无则填 none）', kind: 'none' },
    { key: 'utilities', zh: '水电气（无则填 none）', kind: 'none' },
    { key: 'activities', zh: '活动情况（全部未知但已填写则填 none）', kind: 'none' },
    ...ACTIVITIES.map((a): Column => ({ key: `activities.${a}`, zh: ACTIVITY_ZH[a], kind: 'bool' })),
    { key: '$schema', zh: '资料格式说明（可不填）', kind: 'text' },
  ],
};

export const FISCAL_YEARS: SheetLayout = {
  name: '财务年度 fiscal years',
  en: 'fiscal years',
  list: 'fiscalYears',
  columns: [
    KEY,
    { key: 'year', zh: '年度', kind: 'text' },
    { key: 'revenue', zh: '营业收入（元）', kind: 'money' },
    { key: 'mainBusinessRevenue', zh: '主营业务收入（元）', kind: 'money' },
    { key: 'totalAssets', zh: '资产总额（元）', kind: 'money' },
    { key: 'taxableIncome', zh: '应纳税所得额（元）', kind: 'money' },
    { key: 'rdExpensed', zh: '费用化研发支出（元）', kind: 'money' },
    { key: 'rdIntangibleAmortization', zh: '研发无形资产摊销（元）', kind: 'money' },
  ],
};

export const TAX_PAYMENTS: SheetLayout = {
  name: '纳税 tax payments',
  en: 'tax payments',
  list: 'taxPayments',
  columns: [
    KEY,
    { key: 'date', zh: '缴纳日期', kind: 'date' },
    { key: 'tax', zh: '税种', kind: 'text', values: TAX_KINDS },
    { key: 'amount', zh: '金额（元）', kind: 'money' },
  ],
};

export const LAND: SheetLayout = {
  name: '土地 land',
  en: 'land',
  list: 'land',
  columns: [
    KEY,
    { key: 'id', zh: '地块编号', kind: 'text' },
    { key: 'use', zh: '用途', kind: 'text', values: LAND_USES },
    { key: 'areaSqm', zh: '面积（平方米）', kind: 'money' },
    { key: 'basePricePerSqm', zh: '基准地价（元/平方米）', kind: 'money' },
    { key: 'acquisition', zh: '取得方式', kind: 'text', values: LAND_ACQUISITIONS },
    { key: 'inRecognizedCluster', zh: '位于认定的集聚区', kind: 'bool' },
    { key: 'leaseYears', zh: '租赁年限', kind: 'int' },
    { key: 'filedOn', zh: '备案日期', kind: 'date' },
  ],
};

export const UTILITIES: SheetLayout = {
  name: '水电气 utilities',
  en: 'utilities',
  list: 'utilities',
  columns: [
    KEY,
    { key: 'kind', zh: '种类', kind: 'text', values: UTILITY_KINDS },
    { key: 'quantity', zh: '用量', kind: 'money' },
    { key: 'unit', zh: '单位', kind: 'text' },
    { key: 'currentPrice', zh: '现行价格（元/单位）', kind: 'money' },
    { key: 'purpose', zh: '用途', kind: 'text' },
    { key: 'referencePrices.industrial', zh: '工业价格（元/单位）', kind: 'money' },
    { key: 'referencePrices.residential', zh: '居民价格（元/单位）', kind: 'money' },
    { key: 'referencePrices.publicMedical', zh: '公立医疗机构价格（元/单位）', kind: 'money' },
  ],
};

export const LIST_SHEETS = [FISCAL_YEARS, TAX_PAYMENTS, LAND, UTILITIES];
export const SHEETS = [ENTERPRISES, ...LIST_SHEETS];

/** Column letters as Excel names them: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
