import { own, type Benefit, type Reason } from '../engine/index.js';
import { INDUSTRY_NAMES, LABELS, SIZE_NAMES, t, type Lang } from './labels.js';

/**
 * Sentences people can act on, built from the reasons' data: what was checked, the value found,
 * the value needed. Shared by every renderer so that the table, Markdown and HTML say the same.
 */
const PERCENT_FACTS = new Set(['mainBusinessShare']);
/** Enum values a Chinese reader should not see as English codes. */
const VALUE_NAMES: Record<string, Record<string, { zh: string; en: string }>> = { industry: INDUSTRY_NAMES, size: SIZE_NAMES };

function show(fact: string, v: string | null, lang: Lang): string {
  if (v === null) return t(LABELS.unknownValue, lang);
  if (PERCENT_FACTS.has(fact) || /rate|share/i.test(fact)) {
    const n = Number(v);
    if (Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(v)) return `${(n * 100).toFixed(1).replace(/\.0$/, '.0')}%`;
  }
  if (v === 'true') return lang === 'zh' ? '是' : 'yes';
  if (v === 'false') return lang === 'zh' ? '否' : 'no';
  if (v === 'null') return t(LABELS.none, lang);
  const names = lang === 'zh' ? own(VALUE_NAMES, fact) : undefined;
  if (names) return v.split(', ').map((x) => own(names, x)?.zh ?? x).join(', ');
  return v;
}

const OP_TEXT: Record<string, { zh: string; en: string }> = {
  eq: { zh: '等于', en: '' },
  ne: { zh: '不等于', en: 'not ' },
  in: { zh: '属于', en: 'one of ' },
  notIn: { zh: '不属于', en: 'none of ' },
  gt: { zh: '大于', en: 'more than ' },
  gte: { zh: '不低于', en: 'at least ' },
  lt: { zh: '小于', en: 'less than ' },
  lte: { zh: '不高于', en: 'at most ' },
  between: { zh: '区间', en: 'within ' },
  isTrue: { zh: '是', en: 'yes' },
  isFalse: { zh: '否', en: 'no' },
  exists: { zh: '有值', en: 'given' },
  isNull: { zh: '无', en: 'none' },
  nonEmpty: { zh: '至少一项', en: 'at least one' },
  contains: { zh: '包含', en: 'includes ' },
  containsAny: { zh: '包含任一', en: 'includes one of ' },
  startsWithAny: { zh: '以其一开头', en: 'starts with one of ' },
};

export function neededText(r: Reason, lang: Lang): string {
  const op = OP_TEXT[r.op] ?? { zh: r.op, en: `${r.op} ` };
  if (r.expected === null) return op[lang];
  const expected = r.op === 'between'
    ? (() => {
        const [from, until] = r.expected.split(', ');
        return lang === 'zh' ? `[${from}, ${until})，含起点不含终点` : `[${from}, ${until}) (start included, end excluded)`;
      })()
    : show(r.fact, r.expected, lang);
  // Lists read as lists in Chinese: 、 between the values.
  const list = lang === 'zh' && ['in', 'notIn', 'containsAny', 'startsWithAny'].includes(r.op) ? expected.split(', ').join('、') : expected;
  return lang === 'zh' ? `${op.zh} ${list}` : `${op.en}${list}`;
}

/** One line per check: its label, what was found, what is needed. */
export function reasonSentence(r: Reason, lang: Lang): string {
  const label = r.label ? r.label[lang] : r.check;
  const found = show(r.fact, r.value, lang);
  if (r.result === null) {
    return lang === 'zh' ? `${label}：未提供 ${r.fact}` : `${label}: ${r.fact} not given`;
  }
  // A passed yes/no check says all there is to say in its label.
  if (r.result && (r.op === 'isTrue' || r.op === 'isFalse' || r.op === 'exists')) return label;
  if (r.op === 'isTrue' || r.op === 'isFalse') {
    // The label states the requirement, so a failed one answers "no" and names the field to
    // change; an isFalse check also shows the fact's own value, which is the opposite.
    const detail = r.op === 'isFalse' ? (lang === 'zh' ? `${r.fact} 为 ${found}` : `${r.fact} is ${found}`) : r.fact;
    return lang === 'zh' ? `${label}：否（${detail}）` : `${label}: no (${detail})`;
  }
  if (r.result) return lang === 'zh' ? `${label}：${found}` : `${label}: ${found}`;
  return lang === 'zh'
    ? `${label}：${r.fact} 为 ${found}，要求 ${neededText(r, lang)}`
    : `${label}: ${r.fact} is ${found}, needed ${neededText(r, lang)}`;
}

/** Near-misses in plain words, for failed numeric checks: "main-business share 65.0% is below the 70.0% required for 2018". */
export function nearMiss(b: Benefit, year: number | null, lang: Lang): string[] {
  const out: string[] = [];
  for (const r of b.reasons) {
    if (r.result !== false || r.value === null || r.expected === null) continue;
    if (!['gte', 'gt', 'lte', 'lt'].includes(r.op) || !/^-?\d/.test(r.value)) continue;
    const label = r.label ? r.label[lang] : r.fact;
    const found = show(r.fact, r.value, lang);
    const needed = show(r.fact, r.expected, lang);
    const below = r.op === 'gte' || r.op === 'gt';
    // A date is early or late, and its bound does not depend on the fiscal year evaluated.
    const isDate = /^\d{4}-\d{2}-\d{2}$/.test(r.value);
    const forYear = year !== null && !isDate ? (lang === 'zh' ? `（${year}年度）` : ` for ${year}`) : '';
    const side = isDate ? (below ? { zh: '早于', en: 'before' } : { zh: '晚于', en: 'after' }) : below ? { zh: '低于', en: 'below' } : { zh: '高于', en: 'above' };
    out.push(
      lang === 'zh'
        ? `${label}：${found}${side.zh}要求的 ${needed}${forYear}`
        : `${label}: ${found} is ${side.en} the ${needed} required${forYear}`,
    );
  }
  return out;
}

const NATURE: Record<string, { zh: string; en: string }> = {
  entitlement: { zh: '依规享受', en: 'entitlement: granted by rule' },
  discretionary: { zh: '酌情支持：主管部门可以给予或优先安排', en: 'discretionary: the authority may grant it or give priority' },
  contingent: { zh: '有待上级批准', en: "contingent: depends on a higher authority's approval" },
  procedural: { zh: '服务或登记改革', en: 'procedural: a service or registration reform' },
};

/** What the article grants and of what nature: "Grants (discretionary: the authority may …): …". */
export function grantsSentence(b: Benefit, lang: Lang): string | undefined {
  if (!b.grants) return undefined;
  const nature = NATURE[b.nature]?.[lang] ?? b.nature;
  return lang === 'zh' ? `政策内容（${nature}）：${b.grants.zh}` : `Grants (${nature}): ${b.grants.en}`;
}

export function readingSentence(b: Benefit, lang: Lang): string | undefined {
  if (!b.reading) return undefined;
  return lang === 'zh' ? `本工具的理解：${b.reading.zh}` : `Reading: ${b.reading.en}`;
}

/** A missing fact as the profile path to fill in; the report turns paths into questions. */
export function missingSentence(fact: string, _lang: Lang): string {
  return fact;
}
