import type { Collection, Typed } from './forms.js';

/** Everything the interview says, in both languages: the questions themselves are the fact catalogue's (src/render/questions.ts). */
export interface Words {
  intro: string;
  dontKnow: string;
  stop: string;
  yes: string;
  no: string;
  required: string;
  emptyMeansDontKnow: string;
  typeHint: Record<Typed, string>;
  hint(parts: string[]): string;
  notHeadquarters: string;
  whichYear: string;
  none: Record<Collection, string>;
  enter: Record<Collection, string>;
  another: Record<Collection, string>;
  noFacilities: string;
  pickFacilities: string;
  complete: string;
  saveAfterInterrupt: string;
  decides(policies: string[], money: string[]): string;
  cannotAsk(question: string): string;
}

export const W: Record<'zh' | 'en', Words> = {
  zh: {
    intro: '将逐一提问，先问最能确定政策结论的问题。不知道可选“不知道”（或留空），该项保持未填，本次不再询问；选“停止并保存”或按 Ctrl-C 结束。',
    dontKnow: '不知道（跳过）',
    stop: '停止并保存',
    yes: '是',
    no: '否',
    required: '此项必填',
    emptyMeansDontKnow: '留空表示不知道',
    typeHint: {
      money: '单位：元，如 1234.56',
      'signed-money': '单位：元，如 1234.56，亏损填负数',
      date: '格式 YYYY-MM-DD，如 2017-03-15',
      integer: '整数',
      text: '',
    },
    hint: (parts) => `（${parts.join('；')}）`,
    notHeadquarters: '不是总部',
    whichYear: '能提供哪一年度的财务数据？',
    none: { land: '没有土地', utilities: '没有需要测算的水电气', taxPayments: '尚未缴纳' },
    enter: { land: '有，逐宗填写', utilities: '有，逐项填写', taxPayments: '有，逐笔填写' },
    another: { land: '还有其他宗地吗？', utilities: '还有其他水电气计量项吗？', taxPayments: '还有其他缴税记录吗？' },
    noFacilities: '没有这些设施',
    pickFacilities: '选择经营的设施（空格选中，回车确认）',
    complete: '没有需要再问的了。',
    saveAfterInterrupt: '已中断。保存目前的回答吗？',
    decides: (p, m) => (p.length ? `（此问题涉及 ${p.length} 项政策：${p.join('、')}）` : `（此问题补全 ${m.join('、')} 的金额）`),
    cannotAsk: (q) => `此处无法询问“${q}”，该项保持待补充；请直接在文件中填写。`,
  },
  en: {
    intro: 'Questions come one at a time, the one that decides the most policies first. "Don\'t know" (or an empty answer) leaves the fact out and it is not asked again; "Stop and save" or Ctrl-C ends the interview.',
    dontKnow: "Don't know (skip)",
    stop: 'Stop and save',
    yes: 'Yes',
    no: 'No',
    required: 'This one is required',
    emptyMeansDontKnow: "empty: don't know",
    typeHint: {
      money: 'in yuan, e.g. 1234.56',
      'signed-money': 'in yuan, e.g. 1234.56; a loss is negative',
      date: 'YYYY-MM-DD, e.g. 2017-03-15',
      integer: 'a whole number',
      text: '',
    },
    hint: (parts) => `(${parts.join('; ')})`,
    notHeadquarters: 'Not a headquarters',
    whichYear: 'For which fiscal year can you give the figures?',
    none: { land: 'No land', utilities: 'No utility lines to price', taxPayments: 'None paid yet' },
    enter: { land: 'Yes, enter each parcel', utilities: 'Yes, enter each line', taxPayments: 'Yes, enter each payment' },
    another: { land: 'Another parcel?', utilities: 'Another utility line?', taxPayments: 'Another payment?' },
    noFacilities: 'None of these',
    pickFacilities: 'Pick the facilities it runs (space to select, enter to confirm)',
    complete: 'Nothing left to ask.',
    saveAfterInterrupt: 'Interrupted. Save the answers given so far?',
    decides: (p, m) => (p.length ? `(this decides ${p.length} ${p.length === 1 ? 'policy' : 'policies'}: ${p.join(', ')})` : `(this completes the amount of ${m.join(', ')})`),
    cannotAsk: (q) => `Cannot ask “${q}” here; it stays open: fill it in the file.`,
  },
};

/**
 * A refused answer in Chinese. The validator speaks English (as `check` does); a Chinese
 * interview says what to write instead, keeping the validator's "did you mean" where it has one.
 */
export function zhProblem(type: Typed, path: string, message: string): string {
  const guess = /did you mean "([^"]+)"/.exec(message)?.[1];
  if (path === 'district') return `这不是重庆市区县的名称${guess ? `（是否指“${guess}”？）` : ''}；重庆以外的企业请连同省、市一起填写。`;
  if (path === 'nationalIndustryCode') return '请填写国民经济行业代码：门类字母 A-T 加 2 至 4 位数字，如 I6510。';
  if (path === 'creditCode') return '统一社会信用代码不正确：应为 18 位，校验位须正确。';
  if (path === 'name') return '企业名称不能为空。';
  if (type === 'date') return '请按 YYYY-MM-DD 填写一个真实存在的日期，如 2017-03-15。';
  if (type === 'money' || type === 'signed-money') {
    return /negative/.test(message) ? '金额不能为负数。' : '请填写以元为单位的金额，如 1234.56：只用数字和小数点，不带逗号、单位或科学计数法。';
  }
  const range = /from (\d+) to (\d+)/.exec(message);
  if (type === 'integer') return range && Number(range[2]) < Number.MAX_SAFE_INTEGER ? `请填写 ${range[1]} 至 ${range[2]} 之间的整数。` : '请填写一个不小于 0 的整数。';
  return '这一回答无法使用，请检查后重新填写。';
}
