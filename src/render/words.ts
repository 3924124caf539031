import { Dec, factWords, valueWords, type TraceData, type TraceNumber, type Unit } from '../engine/index.js';
import { questionFor } from './questions.js';
import { groupThousands, type Lang } from './labels.js';

/**
 * Values in words, typed by the engine: money with separators and 元 / CNY, rates as percentages,
 * enum codes as the words a client uses, yes and no, dates as dates. Every renderer writes values
 * through these, so that nothing is re-parsed from flattened strings.
 */
const DECIMAL = /^-?\d+(\.\d+)?$/;

export function percent(v: string): string {
  return DECIMAL.test(v) ? `${new Dec(v).times(100).toFixed()}%` : v;
}

export function money(v: string, lang: Lang): string {
  const grouped = DECIMAL.test(v) ? groupThousands(v) : v;
  return lang === 'zh' ? `${grouped} 元` : `CNY ${grouped}`;
}

/** A decimal of the given unit: 75%, 1,485,000.00 元, 60 年, 1,200 平方米. */
export function numberText(unit: Unit | string, v: string, lang: Lang): string {
  if (!DECIMAL.test(v)) return v;
  const plain = groupThousands(new Dec(v).toFixed());
  switch (unit) {
    case 'money': return money(v, lang);
    case 'ratio': return percent(v);
    case 'years': return lang === 'zh' ? `${plain} 年` : `${plain} years`;
    case 'area': return lang === 'zh' ? `${plain} 平方米` : `${plain} m²`;
    case 'money-per-area': return lang === 'zh' ? `${groupThousands(v)} 元/平方米` : `CNY ${groupThousands(v)}/m²`;
    case 'money-per-unit': return lang === 'zh' ? `每单位 ${groupThousands(v)} 元` : `CNY ${groupThousands(v)} per unit`;
    default: return plain;
  }
}

/** A computed number with its bound: "至少 60,000.00 元" / "at least CNY 60,000.00". */
export function boundedText(n: TraceNumber, unit: Unit, lang: Lang): string {
  if (n.value === null) return lang === 'zh' ? '尚不能确定' : 'not yet known';
  const text = numberText(unit, n.value, lang);
  return n.bound === 'at-least' ? (lang === 'zh' ? `至少 ${text}` : `at least ${text}`) : text;
}

/** A money amount for a table cell: "≥ 60,000.00" for a lower bound. */
export function amountCell(amount: string | null, bound: string | null | undefined): string {
  if (amount === null) return '—';
  return bound === 'at-least' ? `≥ ${groupThousands(amount)}` : groupThousands(amount);
}

export function yesNo(v: boolean, lang: Lang): string {
  return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
}

/** One value of a fact in words; `fact` is the profile path or the rule's name (for enum words). */
export function valueText(type: string | undefined, v: string | boolean | null, fact: string, lang: Lang): string {
  if (v === null || v === 'null') return lang === 'zh' ? '无' : 'none';
  if (typeof v === 'boolean' || v === 'true' || v === 'false') return yesNo(v === true || v === 'true', lang);
  if (type === 'money') return money(v, lang);
  if (type === 'ratio') return percent(v);
  return valueWords(fact, v)?.[lang] ?? v;
}

/** A traced value in words; lists joined as a reader lists them (、 in Chinese). */
export function dataText(type: string | undefined, d: TraceData | undefined, fact: string, lang: Lang): string {
  if (!d || !d.known) return lang === 'zh' ? '未提供' : 'not given';
  if (Array.isArray(d.value)) {
    if (!d.value.length) return lang === 'zh' ? '无' : 'none';
    return d.value.map((x) => valueText(type === 'list' ? 'enum' : type, x, fact, lang)).join(lang === 'zh' ? '、' : ', ');
  }
  return valueText(type, d.value, fact, lang);
}

/** A list of values from a reason's flat text (the contract keeps `value` a string). */
export function listText(type: string | undefined, v: string | null, fact: string, lang: Lang): string {
  if (v === null) return lang === 'zh' ? '未提供' : 'not given';
  if (type === 'list' || v.includes(', ')) {
    const parts = v === '' ? [] : v.split(', ');
    if (!parts.length) return lang === 'zh' ? '无' : 'none';
    return parts.map((x) => valueText(type === 'list' ? 'enum' : type, x, fact, lang)).join(lang === 'zh' ? '、' : ', ');
  }
  return valueText(type, v, fact, lang);
}

/** The name of a fact in words, or the path itself where no table knows it. */
export function factName(fact: string, lang: Lang): string {
  return factWords(fact)?.[lang] ?? fact;
}

/**
 * A missing fact as the question a consultant asks, with its path in parentheses so that the
 * profile can be filled in. A parameter or another policy is not something the client supplies.
 */
export function missingQuestion(path: string, lang: Lang): string {
  const policy = /^policies\.(P(\d{2}))\.(eligible|status)$/.exec(path);
  if (policy) {
    const n = Number(policy[2]);
    return lang === 'zh' ? `第${n}条（${policy[1]}）是否适用尚未确定：请先补充该条所需的信息` : `Whether article ${n} (${policy[1]}) applies is still open: answer its questions first`;
  }
  if (path.startsWith('param.')) {
    return lang === 'zh' ? '规则集中没有该日期有效的参数值，请核对规则版本' : 'The rule set has no value of a parameter in force on that date; check the rules version';
  }
  return `${questionFor(path, lang)}${lang === 'zh' ? `（${path}）` : ` (${path})`}`;
}
