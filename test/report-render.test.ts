import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules, parseProfile, type EvaluationResult } from '../src/engine/index.js';
import { escapeHtml, mdCell, mdText } from '../src/render/escape.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { questionFor } from '../src/render/questions.js';
import { figureLabel, figureValue } from '../src/render/report-figures.js';
import { buildReportModel } from '../src/render/report-model.js';

/** The renderers on their own: escaping of every value, questions, figures, any mix of policies. */
const ROOT = join(import.meta.dirname, '..');
const rules = loadRules(join(ROOT, 'rules'));
function result(fixture: string): EvaluationResult {
  const file = join(ROOT, 'fixtures', `${fixture}.json`);
  return evaluate(rules, parseProfile(readFileSync(file, 'utf8'), file), { asOf: '2018-06-30' });
}

/** Every free-text string of the result (and every figure name) gets markup in it; enums and numbers stay. */
const KEEP = new Set(['status', 'nature', 'op', 'currency', 'amount', 'id', 'region', 'size']);
function poison(v: unknown, key = ''): unknown {
  if (typeof v === 'string') return KEEP.has(key) || /^-?\d+(\.\d+)?$/.test(v) ? v : `${v}<x-evil a="1">&amp;'"`;
  if (Array.isArray(v)) return v.map((x) => poison(x, key));
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v).map(([k, x]) => [key === 'figures' ? `${k}<x-evil>` : k, key === 'figures' ? x : poison(x, k)]),
    );
  }
  return v;
}

describe('escaping', () => {
  it('escapeHtml turns the five significant characters into entities', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('mdText escapes what would start markup; mdCell also keeps a cell on one row', () => {
    expect(mdText('a*b_c [x](y) <b> `c` # | ~ \\')).toBe('a\\*b\\_c \\[x\\](y) \\<b\\> \\`c\\` \\# \\| \\~ \\\\');
    expect(mdText('R&D &lt;')).toBe('R&D &amp;lt;');
    expect(mdCell('one\ntwo | three')).toBe('one<br>two \\| three');
  });

  for (const fixture of ['cloud-sme', 'regional-hq', 'hotel-hot-spring', 'sparse']) {
    for (const lang of ['zh', 'en'] as const) {
      it(`no value from the profile or the rules reaches the HTML unescaped (${fixture}, ${lang})`, () => {
        const r = poison(result(fixture)) as EvaluationResult;
        const html = renderHtml(r, { lang, preparedBy: '<x-evil>', date: '2018-06-30' });
        expect(html).not.toContain('<x-evil');
        expect(html).toContain('&lt;x-evil a=&quot;1&quot;&gt;&amp;amp;&#39;&quot;');
        const md = renderMarkdown(r, { lang, preparedBy: '<x-evil>' });
        // Inside a code span markup is literal text; everywhere else it must be backslash-escaped.
        expect(md.replace(/(`+)[^`]*?\1/g, '')).not.toMatch(/(^|[^\\])<x-evil/m);
        expect(md).toContain('\\<x-evil a="1"\\>&amp;amp;');
      });
    }
  }
});

describe('questions', () => {
  it.each([
    ['encouragedCatalog', 'en', 'Is the main business listed in the Western Region Encouraged Industries Catalogue?'],
    ['encouragedCatalog', 'zh', '企业主营业务是否属于《西部地区鼓励类产业目录》？'],
    ['fiscalYears.2017.revenue', 'en', 'What was the revenue in 2017?'],
    ['fiscalYears.2017.revenue', 'zh', '2017 年度的营业收入是多少？'],
    ['activities.firstLoan', 'en', 'Is this the enterprise’s first bank loan?'],
    ['land', 'zh', '企业是否通过出让、先租后让或存量用地取得土地？如有，请提供每宗地的用途、面积、基准地价和取得方式；没有请明确说明。'],
    ['utilities[0].referencePrices.industrial', 'en', 'What is the industrial price for utility line 1?'],
    ['land[1].leaseYears', 'zh', '第 2 宗地的租赁年限是多少年？'],
    ['somethingNew.deep', 'en', 'Please provide “somethingNew.deep”.'],
    ['somethingNew.deep', 'zh', '请提供“somethingNew.deep”这一信息。'],
  ] as const)('%s (%s)', (fact, lang, question) => {
    expect(questionFor(fact, lang)).toBe(question);
  });
});

describe('figures', () => {
  it('rates as percentages, terms in years, money grouped, all exact', () => {
    expect(figureValue('citLocalShare', '0.40', 'en')).toBe('40%');
    expect(figureValue('rateReduction', '0.10', 'en')).toBe('10%');
    expect(figureValue('amortizationRate', '2.00', 'en')).toBe('200%');
    expect(figureValue('land[1].longestTerm', '40.00', 'zh')).toBe('40 年');
    expect(figureValue('taxSaved', '1234567.891', 'en')).toBe('1,234,567.891');
    expect(figureValue('separateAmount', '0.5', 'en')).toBe('0.5'); // "separate" holds "rate" but is not a rate
  });

  it('labels known names, spells out unknown ones, names the item', () => {
    expect(figureLabel('citPaid', 'zh')).toBe('期间已缴企业所得税');
    expect(figureLabel('land[0].saving', 'en')).toBe('Land parcel 1 · Saving');
    expect(figureLabel('somethingNewHere', 'en')).toBe('Something new here');
  });
});

describe('any number of policies, in any mix', () => {
  it('renders no policies at all, and a non-monetary eligible one', () => {
    const base = result('cloud-sme');
    const p09 = base.benefits[0]!;
    const extra = { ...p09, id: 'P03', article: 3, quantified: false, amount: null, amountBound: null, figures: {}, countedInTotal: false, status: 'eligible' as const, nature: 'procedural' as const };
    const one: EvaluationResult = { ...base, benefits: [extra], totals: { amount: '0.00', amountBound: 'exact', eligible: 1, needsInfo: 0, ineligible: 0 } };
    const m = buildReportModel(one, { lang: 'en' });
    expect(m.bars).toEqual([]);
    expect(m.groups.map((g) => g.policies.length)).toEqual([1, 0, 0]);
    expect(m.groups[0]!.policies[0]!.amountNote).toBe('no money amount');
    const html = renderHtml(one, { lang: 'en' });
    expect(html).toContain('No quantified benefit is eligible yet.');
    expect(html).toContain('data-policy="P03" data-status="eligible" data-counted="false"');

    const none: EvaluationResult = { ...base, benefits: [], totals: { amount: '0.00', amountBound: 'exact', eligible: 0, needsInfo: 0, ineligible: 0 } };
    expect(renderMarkdown(none, { lang: 'zh' })).toContain('目前没有可量化金额的符合政策');
  });

  it('orders bars by amount and groups by status in article order', () => {
    const m = buildReportModel(result('hotel-hot-spring'), { lang: 'en' });
    expect(m.bars.map((b) => b.id)).toEqual(['P20', 'P22', 'P09', 'P21']);
    const eligible = m.groups[0]!.policies.map((p) => p.id);
    expect(eligible).toEqual([...eligible].sort());
    // the hotel's quantified benefits, and the non-monetary ones it qualifies for, each once
    expect(eligible).toEqual(expect.arrayContaining(['P09', 'P20', 'P21', 'P22']));
    expect(eligible).toEqual(result('hotel-hot-spring').benefits.filter((b) => b.status === 'eligible').map((b) => b.id));
  });
});
