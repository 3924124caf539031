import { enumWords } from '../engine/index.js';
import type { TextPair } from './i18n.js';

export type { Lang } from './i18n.js';

/** Every fixed label the terminal renderers print, in both languages. */

export const LABELS = {
  heading: { zh: '重庆市战略性新兴服务业扶持政策测算', en: 'Chongqing strategic emerging service industries: support policies' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  district: { zh: '区县', en: 'District' },
  region: { zh: '功能区', en: 'Functional region' },
  industry: { zh: '行业', en: 'Industry' },
  size: { zh: '规模', en: 'Size' },
  derived: { zh: '按划型标准推算', en: 'derived from the national standard' },
  declared: { zh: '企业申报', en: 'as declared' },
  year: { zh: '评估年度', en: 'Fiscal year' },
  asOf: { zh: '评估日', en: 'As of' },
  rules: { zh: '规则版本', en: 'Rules' },
  none: { zh: '无', en: 'none' },
  id: { zh: '编号', en: 'ID' },
  policy: { zh: '政策', en: 'Policy' },
  status: { zh: '结论', en: 'Status' },
  amount: { zh: '金额（元）', en: 'Amount (CNY)' },
  total: { zh: '可计入合计', en: 'Total counted' },
  notCounted: { zh: '未计入合计', en: 'not counted' },
  counts: { zh: '{e} 项符合 · {n} 项需补充信息 · {i} 项不符合', en: '{e} eligible · {n} need information · {i} ineligible' },
  checks: { zh: '条件', en: 'Checks' },
  figures: { zh: '计算', en: 'Figures' },
  missing: { zh: '需补充', en: 'To decide, we need to know' },
  toComplete: { zh: '补充后金额可能更高', en: 'The amount may be higher once we know' },
  amountLine: { zh: '金额', en: 'Amount' },
  assumptions: { zh: '假设', en: 'Assumed' },
  parameters: { zh: '参数', en: 'Parameters' },
  notes: { zh: '说明', en: 'Notes' },
  period: { zh: '期间', en: 'Period' },
  article: { zh: '依据（第{n}条）', en: 'Article {n}' },
  responsible: { zh: '责任单位', en: 'Apply to' },
  warnings: { zh: '提示', en: 'Warnings' },
  found: { zh: '实际', en: 'found' },
  needed: { zh: '要求', en: 'needed' },
  unknownValue: { zh: '未提供', en: 'not given' },
  stillOpen: { zh: '尚未结束', en: 'still open' },
  hint: { zh: '加 --explain 查看每项政策的条件、计算与依据', en: 'Add --explain for the checks, figures and article behind each policy' },
} satisfies Record<string, TextPair>;

/** Enum words come from the engine's vocabulary, the one table every output uses. */
export const REGIONS: Readonly<Record<string, TextPair>> = enumWords('region')!;
/** The ten industries of section 三, and `other`, as people name them. */
export const INDUSTRY_NAMES: Readonly<Record<string, TextPair>> = enumWords('industry')!;
/** Enterprise sizes of the national SME standard. */
export const SIZE_NAMES: Readonly<Record<string, TextPair>> = enumWords('size')!;

/** The four natures of a policy, in a word or two; explain.ts has them as sentences. */
export const NATURE_NAMES: Record<string, TextPair> = {
  entitlement: { zh: '依规享受', en: 'entitlement' },
  discretionary: { zh: '酌情支持', en: 'discretionary' },
  contingent: { zh: '待上级批准', en: 'contingent on approval' },
  procedural: { zh: '服务与改革', en: 'procedural' },
};

/** Money for people: thousands separators, two decimals, exactly as computed. */
export function groupThousands(amount: string): string {
  const [int = '', frac] = amount.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Terminal columns a string takes: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(/\u001b\[[0-9;]*m/g, '')) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}

export function padEnd(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function padStart(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(s))) + s;
}

export function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
