import { LAND_ACQUISITIONS, LAND_USES } from '../../profile/profile-schema.js';
import { type Catalogue, SQM, YEARS, YUAN_PER_SQM } from './fact-entry.js';

/**
 * Land parcels acquired or to be acquired (`land[1].use` is the fact `land.use`).
 */
export const LAND: Catalogue = {
  land: {
    read: { type: 'list' },
    label: { zh: '土地', en: 'land parcels' },
    question: {
      zh: '企业是否通过出让、先租后让或存量用地取得土地？如有，请提供每宗地的用途、面积、基准地价和取得方式；没有请明确说明。',
      en: 'Has the enterprise acquired or does it plan to acquire land (transfer, lease-then-transfer, old-town stock)? For each parcel: use, area, base land price and how it is acquired; or say that there are none.',
    },
    about: { zh: '取得或拟取得的土地，每宗地一项；没有填 []', en: 'Land parcels acquired or to be acquired, one entry each; [] when there is none' },
    example: [{ use: 'commercial', areaSqm: '3500', basePricePerSqm: '1240.00', acquisition: 'transfer', inRecognizedCluster: false }],
    each: {
      name: { zh: '第 {n} 宗地', en: 'land parcel {n}' },
    },
  },
  'land.id': {
    read: { type: 'string', absentIsNull: true },
    label: { zh: '地块编号', en: 'the parcel’s identifier' },
    question: { zh: '{item}的编号是什么？', en: 'What is the identifier of {item}?' },
    about: { zh: '宗地编号（仅用于识别，可不填）', en: 'Identifier of the parcel (only to tell parcels apart; optional)' },
    example: 'SZ-2018-07',
  },
  'land.use': {
    read: { type: 'enum', values: LAND_USES },
    label: { zh: '土地用途', en: 'the land use' },
    question: {
      zh: '{item}的规划用途是什么（商服、旅游娱乐、工业、综合、教科文卫体、住宅）？',
      en: 'What is the planned use of {item} (commercial, tourism, industrial, comprehensive, education/culture/health/sports, residential)?',
    },
    about: { zh: '规划用途', en: 'Planned use' },
    example: 'commercial',
    values: {
      commercial: { zh: '商服用地', en: 'commercial' },
      'tourism-entertainment': { zh: '旅游娱乐用地', en: 'tourism and entertainment' },
      industrial: { zh: '工业用地', en: 'industrial' },
      comprehensive: { zh: '综合用地', en: 'comprehensive' },
      'education-science-culture-health-sports': { zh: '教科文卫体用地', en: 'education, science, culture, health and sports' },
      residential: { zh: '住宅用地', en: 'residential' },
    },
  },
  'land.areaSqm': {
    read: { type: 'money' },
    label: { zh: '土地面积', en: 'the area' },
    question: { zh: '{item}的面积是多少平方米？', en: 'What is the area of {item} in square metres?' },
    about: { zh: '宗地面积', en: 'Area of the parcel' },
    unit: SQM,
    example: '3500',
  },
  'land.basePricePerSqm': {
    read: { type: 'money' },
    label: { zh: '基准地价', en: 'the base land price' },
    question: { zh: '{item}对应用途的基准地价是每平方米多少元？', en: 'What is the base land price per square metre for {item}?' },
    about: { zh: '该用途的基准地价', en: 'Base land price for the use' },
    unit: YUAN_PER_SQM,
    example: '1240.00',
  },
  'land.acquisition': {
    read: { type: 'enum', values: LAND_ACQUISITIONS },
    label: { zh: '取得方式', en: 'how the land is acquired' },
    question: {
      zh: '{item}以何种方式取得（出让、先租后让、老城区存量用地）？',
      en: 'How is {item} acquired (transfer, lease-then-transfer, old-town stock)?',
    },
    about: { zh: '取得方式', en: 'How the parcel is acquired' },
    example: 'transfer',
    values: {
      transfer: { zh: '出让', en: 'transfer' },
      'lease-then-transfer': { zh: '先租后让', en: 'lease then transfer' },
      'old-town-stock': { zh: '老城区存量用地', en: 'old-town stock land' },
    },
  },
  'land.inRecognizedCluster': {
    read: { type: 'boolean' },
    label: { zh: '是否位于认定的集聚区', en: 'whether it lies in a recognized cluster' },
    question: { zh: '{item}是否位于认定的战略性新兴服务业集聚区内？', en: 'Does {item} lie in a recognized cluster?' },
    about: { zh: '是否位于认定的战略性新兴服务业集聚区内', en: 'Lies in a recognized cluster of strategic emerging service industries' },
    example: false,
  },
  'land.leaseYears': {
    read: { type: 'number' },
    label: { zh: '租赁年限', en: 'the lease term' },
    question: { zh: '{item}的租赁年限是多少年？', en: 'For how many years is {item} leased?' },
    about: { zh: '先租后让的租赁年限（1-70 年）', en: 'Lease term before the transfer (1 to 70 years)' },
    unit: YEARS,
    example: 10,
  },
  'land.filedOn': {
    read: { type: 'date' },
    label: { zh: '备案日期', en: 'the filing date' },
    question: { zh: '{item}于哪一天办理备案？', en: 'On what date was {item} filed?' },
    about: {
      zh: '存量用地办理备案之日，YYYY-MM-DD；五年过渡期自此起算',
      en: 'Date an old-town parcel was filed, YYYY-MM-DD; its five-year period starts then',
    },
    example: '2018-03-01',
  },
};
