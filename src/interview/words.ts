import type { Collection, Typed } from './forms.js';

/** Everything the interview says, in both languages: the questions themselves are questions.ts's. */
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
