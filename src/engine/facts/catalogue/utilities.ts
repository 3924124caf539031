import { FACILITIES, UTILITY_KINDS, UTILITY_PURPOSES } from '../../profile/profile-schema.js';
import { type Catalogue, YUAN_PER_UNIT } from './fact-entry.js';

/**
 * Utility lines and the facilities that decide which price a line may be charged at.
 */
export const UTILITIES: Catalogue = {
  facilities: {
    read: { type: 'list', values: FACILITIES },
    label: { zh: '经营的场所或机构', en: 'the venues and institutions it runs' },
    question: {
      zh: '企业是否经营文化场馆、体育场馆、星级酒店、游轮、温泉、养老、博物馆、培训、学生公寓或民营医疗等设施？',
      en: 'Does the enterprise run a cultural or sports venue, star hotel, cruise ship, hot spring, elderly care, museum, training, student housing or private medical facility?',
    },
    about: {
      zh: '企业经营的设施，决定水电气可按哪种价格执行；没有填 []',
      en: 'Facilities the enterprise runs; they decide which utility price it may pay; [] when none',
    },
    example: ['star-hotel', 'hot-spring'],
    values: {
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
    each: {
      about: { zh: '设施类型', en: 'Kind of facility' },
      example: 'hot-spring',
    },
  },
  utilities: {
    read: { type: 'list' },
    label: { zh: '水电气用量', en: 'utility lines' },
    question: {
      zh: '企业的用电、用水、用气量和现行单价是多少（含工业、居民或公立医疗机构的参考价格）？没有请明确说明。',
      en: 'How much electricity, water and gas does the enterprise use, at what price, and what are the industrial, residential or public-medical reference prices? Or say that there are none.',
    },
    about: {
      zh: '用电、用水、用气，每条计量一项（用量、现行单价、参考价格）；没有填 []',
      en: 'Electricity, water and gas, one entry per metered line (quantity, current price, reference prices); [] when none',
    },
    example: [{ kind: 'electricity', quantity: '420000', unit: 'kWh', currentPrice: '0.7836', referencePrices: { industrial: '0.6420' } }],
    each: {
      name: { zh: '第 {n} 项能源', en: 'utility line {n}' },
    },
  },
  'utilities.kind': {
    read: { type: 'enum', values: UTILITY_KINDS },
    label: { zh: '能源种类', en: 'the kind of utility' },
    question: { zh: '{item}是电、水还是气？', en: 'Is {item} electricity, water or gas?' },
    about: { zh: '能源种类', en: 'Kind of utility' },
    example: 'electricity',
    values: {
      electricity: { zh: '电', en: 'electricity' },
      water: { zh: '水', en: 'water' },
      gas: { zh: '天然气', en: 'gas' },
    },
  },
  'utilities.quantity': {
    read: { type: 'money' },
    label: { zh: '用量', en: 'the quantity' },
    question: { zh: '{item}的年用量是多少？', en: 'How much of {item} is used?' },
    about: { zh: '评估年度的用量，按 unit 计量', en: 'Quantity used in the year evaluated, in `unit`' },
    unit: { zh: '见 unit（如千瓦时、立方米）', en: 'the line’s `unit` (kWh, m3, ...)' },
    example: '420000',
  },
  'utilities.unit': {
    read: { type: 'string', absentIsNull: true },
    label: { zh: '计量单位', en: 'the unit' },
    question: { zh: '{item}的计量单位是什么？', en: 'In what unit is {item} measured?' },
    about: { zh: '计量单位，如 kWh、m3（仅用于显示）', en: 'Unit of measure such as kWh or m3 (shown only)' },
    example: 'kWh',
  },
  'utilities.currentPrice': {
    read: { type: 'money' },
    label: { zh: '现行单价', en: 'the current price' },
    question: { zh: '{item}目前的单价是多少？', en: 'What is the current unit price of {item}?' },
    about: { zh: '现行单价', en: 'Price now paid per unit' },
    unit: YUAN_PER_UNIT,
    example: '0.7836',
  },
  'utilities.purpose': {
    // Purpose is only stated where it matters (bathing water); absent means no special purpose.
    read: { type: 'enum', values: UTILITY_PURPOSES, absentIsNull: true },
    label: { zh: '用途', en: 'the purpose' },
    question: { zh: '{item}的用途是什么（如温泉洗浴）？', en: 'What is {item} used for (e.g. bathing)?' },
    about: {
      zh: '用途；其中 bathing（温泉洗浴用水）决定第22条的除外情形；一般用途可不填',
      en: 'What the line is used for; bathing (a hot spring’s bathing water) decides article 22’s exclusion; may be left out for ordinary use',
    },
    example: 'bathing',
    values: {
      bathing: { zh: '洗浴', en: 'bathing' },
      heating: { zh: '供暖', en: 'heating' },
      cooling: { zh: '制冷', en: 'cooling' },
      cooking: { zh: '餐饮', en: 'cooking' },
      laundry: { zh: '洗涤', en: 'laundry' },
      landscape: { zh: '景观绿化', en: 'landscape' },
      operations: { zh: '日常经营', en: 'operations' },
    },
  },
  'utilities.referencePrices.industrial': {
    read: { type: 'money' },
    label: { zh: '工业价格', en: 'the industrial price' },
    question: { zh: '{item}的一般工商业（工业）价格是多少？', en: 'What is the industrial price for {item}?' },
    about: { zh: '一般工商业（工业）价格', en: 'Industrial price' },
    unit: YUAN_PER_UNIT,
    example: '0.6420',
  },
  'utilities.referencePrices.residential': {
    read: { type: 'money' },
    label: { zh: '居民非阶梯价格', en: 'the residential non-tiered price' },
    question: { zh: '{item}的居民用（非阶梯）价格是多少？', en: 'What is the residential (non-tiered) price for {item}?' },
    about: { zh: '居民用（非阶梯）价格', en: 'Residential (non-tiered) price' },
    unit: YUAN_PER_UNIT,
    example: '0.5200',
  },
  'utilities.referencePrices.publicMedical': {
    read: { type: 'money' },
    label: { zh: '公立医疗机构价格', en: 'the public medical institutions’ price' },
    question: { zh: '{item}的公立医疗机构价格是多少？', en: 'What do public medical institutions pay for {item}?' },
    about: { zh: '公立医疗机构价格', en: 'Price paid by public medical institutions' },
    unit: YUAN_PER_UNIT,
    example: '0.6100',
  },
  'utilities.referencePrices': {
    about: { zh: '可比照执行的参考价格，填已知的', en: 'The reference prices the line may be charged at, those known' },
    example: { industrial: '0.6420' },
  },
};
