import type { Benefit, ConditionNode, ExprNode, FigureNode, ItemTrace, ParameterUse, Reason } from '../engine/index.js';
import { parseExpression, valueWords } from '../engine/index.js';
import { figureLabel } from './report-figures.js';
import { itemName } from './questions.js';
import type { Lang, TextPair } from './i18n.js';
import { boundedText, dataText, factName, listText, missingQuestion, numberText, percent, valueText, yesNo } from './words.js';

/**
 * Sentences people can act on, built from the engine's typed reasons and decision tree: what was
 * checked, the value found, the value needed; how each figure was worked out; which items count.
 * Shared by every renderer so that the table, Markdown and HTML say the same.
 */
type Needed = TextPair;
const OP: Record<string, Needed> = {
  eq: { zh: '为', en: '' },
  ne: { zh: '不为', en: 'not ' },
  in: { zh: '属于', en: 'one of ' },
  notIn: { zh: '不属于', en: 'none of ' },
  gt: { zh: '高于', en: 'more than ' },
  gte: { zh: '不低于', en: 'at least ' },
  lt: { zh: '低于', en: 'less than ' },
  lte: { zh: '不高于', en: 'at most ' },
  contains: { zh: '包含', en: 'includes ' },
  containsAny: { zh: '包含其一：', en: 'includes one of ' },
  startsWithAny: { zh: '以其一开头：', en: 'starts with one of ' },
  exists: { zh: '有值', en: 'given' },
  isNull: { zh: '无', en: 'none' },
  nonEmpty: { zh: '至少一项', en: 'at least one' },
  isTrue: { zh: '是', en: 'yes' },
  isFalse: { zh: '否', en: 'no' },
};
const DATE_OP: Record<string, Needed> = {
  gt: { zh: '晚于', en: 'after ' },
  gte: { zh: '不早于', en: 'on or after ' },
  lt: { zh: '早于', en: 'before ' },
  lte: { zh: '不晚于', en: 'on or before ' },
};

/** What a check needed, in words: "不低于 70%", "one of new finance, cloud computing". */
export function neededText(r: Reason, lang: Lang): string {
  const op = (r.type === 'date' ? DATE_OP[r.op] : undefined) ?? OP[r.op] ?? { zh: '', en: '' };
  if (r.expected === null) return op[lang];
  if (r.op === 'between') {
    const [from = '', until = ''] = r.expected.split(', ');
    const f = valueText(r.type, from, r.fact, lang);
    const u = valueText(r.type, until, r.fact, lang);
    return lang === 'zh' ? `${f}（含）至 ${u}（不含）之间` : `from ${f} up to, not including, ${u}`;
  }
  const type = r.op === 'contains' || r.op === 'containsAny' ? 'enum' : r.type;
  const expected = listText(type, r.expected, r.fact, lang);
  return lang === 'zh' ? `${op.zh}${/[：]$/.test(op.zh) ? '' : ' '}${expected}` : `${op.en}${expected}`;
}

const labelOf = (r: Reason, lang: Lang) => r.label?.[lang] ?? factName(r.fact, lang);

/** One line per decisive check: its label, what was found, what is needed. */
export function reasonSentence(r: Reason, lang: Lang): string {
  const label = r.negated ? (lang === 'zh' ? `并非“${labelOf(r, lang)}”` : `not “${labelOf(r, lang)}”`) : labelOf(r, lang);
  if (r.result === null) return lang === 'zh' ? `${label}：尚不明确` : `${label}: not yet known`;
  // The label of a `not` names what it excludes.
  if (r.op === 'not') return r.result ? (lang === 'zh' ? `并非${label}` : `Not ${label}`) : label;
  if (r.op === 'some' || r.negated) return label;
  const found = listText(r.type, r.value, r.fact, lang);
  if (r.op === 'isTrue' || r.op === 'isFalse' || r.op === 'exists') {
    // A passed yes/no check says all there is to say in its label.
    if (r.result) return label;
    // The label states the requirement; an isFalse check also names what made it fail.
    const detail = r.op === 'isFalse' ? (lang === 'zh' ? `（${factName(r.fact, lang)}：${found}）` : ` (${factName(r.fact, lang)}: ${found})`) : '';
    return lang === 'zh' ? `${label}：否${detail}` : `${label}: no${detail}`;
  }
  if (r.result) return lang === 'zh' ? `${label}：${found}` : `${label}: ${found}`;
  return lang === 'zh' ? `${label}：实际为 ${found}，要求${neededText(r, lang)}` : `${label}: ${found}, needed ${neededText(r, lang)}`;
}

/** Near-misses in plain words, for failed numeric checks: "main-business share 65% is below the 70% required for 2018". */
export function nearMiss(b: Benefit, year: number | null, lang: Lang): string[] {
  const out: string[] = [];
  for (const r of b.reasons) {
    if (r.result !== false || r.value === null || r.expected === null) continue;
    if (!['gte', 'gt', 'lte', 'lt'].includes(r.op) || !/^-?\d/.test(r.value)) continue;
    const label = labelOf(r, lang);
    const found = valueText(r.type, r.value, r.fact, lang);
    const needed = valueText(r.type, r.expected, r.fact, lang);
    const below = r.op === 'gte' || r.op === 'gt';
    // A date is early or late, and its bound does not depend on the fiscal year evaluated.
    const isDate = r.type === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(r.value);
    const forYear = year !== null && !isDate ? (lang === 'zh' ? `（${year}年度）` : ` for ${year}`) : '';
    const side = isDate ? (below ? { zh: '早于', en: 'before' } : { zh: '晚于', en: 'after' }) : below ? { zh: '低于', en: 'below' } : { zh: '高于', en: 'above' };
    out.push(lang === 'zh' ? `${label}：${found}${side.zh}要求的 ${needed}${forYear}` : `${label}: ${found} is ${side.en} the ${needed} required${forYear}`);
  }
  return out;
}

const NATURE: Record<string, Needed> = {
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

/** A missing fact as the question to put to the client, its path in parentheses. */
export function missingSentence(fact: string, lang: Lang): string {
  return missingQuestion(fact, lang);
}

/** A parameter used, in words: "研发费用加计扣除比例 75%（自 2018-01-01 起；财税〔2018〕99号）". */
export function parameterSentence(p: ParameterUse, lang: Lang): string {
  const name = p.description?.[lang] ?? p.name;
  const value =
    p.value === 'table' ? (lang === 'zh' ? '（划型标准表）' : '(a table)')
      : p.unit === 'ratio' ? percent(p.value)
        : p.unit === 'money' ? numberText('money', p.value, lang)
          : p.unit === 'years' ? numberText('years', p.value, lang)
            : p.value.split(', ').join(lang === 'zh' ? '、' : ', ');
  return lang === 'zh' ? `${name}：${value}（自 ${p.since} 起施行；${p.source}）` : `${name}: ${value} (in force from ${p.since}; ${p.source})`;
}

const OPS: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷' };
const PRECEDENCE: Record<string, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** A formula with each name replaced by its value: "75% × 1,860,000.00 元 + (175% − 1) × 120,000.00 元". */
export function arithmetic(f: FigureNode, lang: Lang): string | undefined {
  if (!f.formula) return undefined;
  const values = new Map(f.inputs.map((i) => [i.name, i]));
  let node: ExprNode;
  try {
    node = parseExpression(f.formula);
  } catch {
    return undefined;
  }
  const ratioBeside = (n: ExprNode): boolean => n.k === 'name' && values.get(n.name)?.unit === 'ratio';
  const show = (n: ExprNode, parent = 0, asPercent = false): string => {
    switch (n.k) {
      case 'num': return asPercent ? percent(n.v.toString()) : n.v.toString();
      case 'name': {
        const i = values.get(n.name);
        return i ? boundedText(i, i.unit, lang) : n.name;
      }
      case 'neg': return `−${show(n.e, 3)}`;
      case 'call': {
        const fn = n.fn === 'max' ? (lang === 'zh' ? '取大' : 'max') : lang === 'zh' ? '取小' : 'min';
        return `${fn}(${n.args.map((a) => show(a)).join(lang === 'zh' ? '，' : ', ')})`;
      }
      case 'bin': {
        const p = PRECEDENCE[n.op]!;
        // Beside a rate, in a sum or a difference, a bare number is a rate too: 175% − 100%.
        const additive = n.op === '+' || n.op === '-';
        const text = `${show(n.l, p, additive && ratioBeside(n.r))} ${OPS[n.op]} ${show(n.r, p + (n.op === '-' || n.op === '/' ? 1 : 0), additive && ratioBeside(n.l))}`;
        return p < parent ? `(${text})` : text;
      }
    }
  };
  return show(node);
}

/** One figure: its name, value and how it was reached (the choice made, or the arithmetic). */
export function figureSentence(f: FigureNode, lang: Lang, item?: string): string {
  const name = figureLabel(item ? `${item}.${f.name}` : f.name, lang);
  const value = boundedText(f, f.unit, lang);
  if (f.pick) {
    const chosen = f.pick.options.find((o) => o.chosen);
    if (!chosen) return `${name}：${value}`;
    const why = chosen.condition ? conditionWhy(chosen.condition, lang) : '';
    return lang === 'zh' ? `${name}：${value}，${chosen.label.zh}${why ? `（${why}）` : ''}` : `${name}: ${value}, the ${chosen.label.en}${why ? ` (${why})` : ''}`;
  }
  const sum = arithmetic(f, lang);
  const worked = sum && f.inputs.length > 1 ? ` = ${sum}` : '';
  return lang === 'zh' ? `${name}：${value}${worked}` : `${name}: ${value}${worked}`;
}

/** Why an option applies, from the checks of its condition: "是否为科技型中小企业：是". */
function conditionWhy(n: ConditionNode, lang: Lang): string {
  if (n.kind === 'check') {
    const ref = /^policies\.P(\d{2})\.eligible$/.exec(n.fact);
    if (ref && n.value.known && typeof n.value.value === 'boolean') {
      const a = Number(ref[1]);
      return lang === 'zh' ? `第${a}条${n.value.value ? '适用' : '不适用'}` : `article ${a} ${n.value.value ? 'applies' : 'does not apply'}`;
    }
    const found = dataText(n.type, n.value, n.path, lang);
    return `${n.label?.[lang] ?? factName(n.path, lang)}${lang === 'zh' ? '：' : ': '}${n.type === 'boolean' && n.value.known && typeof n.value.value === 'boolean' ? yesNo(n.value.value, lang) : found}`;
  }
  if (n.kind === 'not') return n.label?.[lang] ?? conditionWhy(n.child, lang);
  const parts = n.children.filter((c) => c.result === n.result).map((c) => conditionWhy(c, lang));
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** One item of a group: whether it counts and why, with its amount. */
export function itemSentence(it: ItemTrace, lang: Lang): string {
  const name = itemName(it.path, lang) ?? it.path;
  const kindKey = it.path.startsWith('taxPayments') ? 'taxPayments.tax' : it.path.startsWith('utilities') ? 'utilities.kind' : '';
  const tag = it.id ?? (it.kind ? valueWords(kindKey, it.kind)?.[lang] ?? it.kind : undefined);
  const id = tag ? (lang === 'zh' ? `（${tag}）` : ` (${tag})`) : '';
  const head = `${name.charAt(0).toUpperCase()}${name.slice(1)}${id}`;
  if (it.result === null) {
    const missing = it.condition ? unknownFacts(it.condition) : [];
    return lang === 'zh' ? `${head}：尚不明确——${missing.map((m) => missingQuestion(m, lang)).join('；')}` : `${head}: not yet known — ${missing.map((m) => missingQuestion(m, lang)).join('; ')}`;
  }
  if (it.result === false) {
    const why = it.condition ? failedWhy(it.condition, lang) : '';
    return lang === 'zh' ? `${head}：不适用${why ? `——${why}` : ''}` : `${head}: does not count${why ? ` — ${why}` : ''}`;
  }
  const amount = it.amount ? boundedText(it.amount, 'money', lang) : undefined;
  return lang === 'zh' ? `${head}：适用${amount ? `，${amount}` : ''}` : `${head}: counts${amount ? `, ${amount}` : ''}`;
}

type Cond = ConditionNode;

function unknownFacts(n: Cond): string[] {
  if (n.kind === 'check') return n.result === null ? n.missing : [];
  if (n.kind === 'not') return unknownFacts(n.child);
  return [...new Set(n.children.flatMap(unknownFacts))];
}

/** Why a condition failed: the label of a failed `not`, else the failed checks in words. */
function failedWhy(n: Cond, lang: Lang): string {
  // A failed `not` means the item is what it excludes; its label names that.
  if (n.kind === 'not') return n.label ? `${n.label[lang].charAt(0).toUpperCase()}${n.label[lang].slice(1)}` : '';
  if (n.kind === 'check') {
    const r: Reason = { check: n.check, fact: n.path, op: n.op, value: n.value.known ? flat(n.value.value) : null, expected: n.expected?.known ? flat(n.expected.value) : null, result: false, type: n.type };
    if (n.label) r.label = n.label;
    return reasonSentence(r, lang);
  }
  return n.children.filter((c) => c.result === false).map((c) => failedWhy(c, lang)).filter(Boolean).join(lang === 'zh' ? '；' : '; ');
}

const flat = (v: string | boolean | string[] | null): string | null => (v === null ? 'null' : Array.isArray(v) ? v.join(', ') : String(v));
