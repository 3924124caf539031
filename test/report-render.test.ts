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
import { isAtLeast } from '../src/render/report-sections.js';
import { DEPARTMENTS_IN_ENGLISH, departmentInEnglish } from '../src/render/department-words.js';

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

describe('the brief report', () => {
  it('next steps for cloud-sme: the four amounts, the departments, the papers', () => {
    const r = result('cloud-sme');
    const m = buildReportModel(r, { lang: 'zh' });
    const [apply, where, bring] = m.brief.steps;
    // A lower bound is written as one ("≥"): P10's window is still open on the as-of date.
    const ge = (x: object) => (isAtLeast(x) ? '≥ ' : '');
    const p10 = r.benefits.find((b) => b.id === 'P10')!;
    // P10 counts the taxes paid by the as-of date 2018-06-30: 40% × (35,000 + 42,500 + 45,200)
    // + 50% × (18,350.25 + 26,410.80 + 61,200.00) = 49,080 + 52,980.525 = 102,060.53 (half-up).
    // 235,000 + 222,750 + 102,060.53 + 59,472 = 619,282.53, largest first.
    expect(apply!.items[0]).toBe(
      `4 项可量化政策，合计 ${ge(r.totals)}619,282.53 元：P09 西部大开发15%企业所得税优惠税率（235,000.00 元）、P12 研发费用加计扣除（222,750.00 元）、P10 新开办中小微企业两年财政补贴（${ge(p10)}102,060.53 元）、P22 水电气价格与工业同价（59,472.00 元）`,
    );
    expect(apply!.items[1]).toContain('另有 10 项非资金政策');
    // On 2018-06-30 the two tax bureaus the article names had been merged (2018-06-15).
    expect(where!.items[0]).toBe('国家税务总局重庆市税务局（条文所列：市地税局、市国税局）：P09、P12');
    expect(bring!.items[0]).toBe('营业执照（统一社会信用代码）');
    expect(bring!.items).toContain('2018年度企业所得税年度纳税申报表及财务报表');
    expect(bring!.items).toContain('水、电、气缴费单据及用途说明');
    // No land in the profile, so no land papers.
    expect(bring!.items.join()).not.toContain('土地');
    expect(m.brief.quantified.map((p) => p.id)).toEqual(['P09', 'P10', 'P12', 'P22']);
    expect(m.brief.others).toHaveLength(10);
    expect(m.brief.unavailable).toHaveLength(11);
  });

  it('says why a policy is not available in words, never as a field path', () => {
    for (const lang of ['zh', 'en'] as const) {
      const m = buildReportModel(result('cloud-sme'), { lang });
      for (const p of m.brief.unavailable) {
        expect(p.decisive.length, p.id).toBeGreaterThan(0);
        // No dotted path, no camelCase name; Chinese text holds no English word at all.
        for (const x of p.decisive) expect(x, p.id).not.toMatch(lang === 'zh' ? /[A-Za-z]{3,}/ : /[a-z]\.[a-z]|[a-z][A-Z]/);
      }
    }
    const p07 = buildReportModel(result('cloud-sme'), { lang: 'zh' }).brief.unavailable.find((p) => p.id === 'P07')!;
    expect(p07.decisive).toContain('开展对外合作项目：否');
  });

  it('marks a lower-bound total with ≥ and says why', () => {
    const base = result('cloud-sme');
    const r = { ...base, totals: { ...base.totals, amountBound: 'at-least' } } as EvaluationResult;
    const html = renderHtml(r, { lang: 'zh' });
    expect(html).toContain('data-bound="at-least" data-total="619282.53">≥ 619,282.53');
    expect(html).toContain('此为下限');
    expect(renderMarkdown(r, { lang: 'en' })).toContain('Total quantified benefit: ≥ 619,282.53 CNY');
    const exact = { ...base, totals: { ...base.totals, amountBound: 'exact' } } as EvaluationResult;
    expect(renderHtml(exact, { lang: 'zh' })).toContain('data-bound="exact" data-total="619282.53">619,282.53');
  });

  it('Markdown follows the same order', () => {
    const md = renderMarkdown(result('cloud-sme'), { lang: 'en' });
    const heads = md.split('\n').filter((x) => x.startsWith('## ')).map((x) => x.slice(3));
    expect(heads.slice(1)).toEqual([
      'Summary', 'Quantified benefits', 'Next steps', 'Quantified benefits, policy by policy', 'Other eligible policies',
      'Information still needed', 'Policies not available', 'Assumptions and data notes', 'Appendix: article texts and parameter sources',
    ]);
  });
});

describe('departments in English', () => {
  it('names every department of the shipped rules and their successors in English, its own name beside it', () => {
    const named = new Set<string>();
    for (const p of rules.policies) for (const d of p.def.citation.responsible) named.add(d);
    const successors = rules.params.get('department.successors')!.values;
    for (const v of successors) for (const list of Object.values(v.value as Record<string, string[]>)) for (const d of list) named.add(d);
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((d) => !DEPARTMENTS_IN_ENGLISH.includes(d))).toEqual([]);
    // A department no list knows (another rule set's) is shown as the rules write it.
    expect(departmentInEnglish('某区经信委')).toBe('某区经信委');
  });

  it('tells an English reader where to apply in English, with the names on the office door', () => {
    const m = buildReportModel(result('cloud-sme'), { lang: 'en' });
    const where = m.brief.steps[1]!;
    // On 2018-06-30 the two tax bureaus the article names had been merged (2018-06-15).
    expect(where.items[0]).toBe(
      'P09, P12: Chongqing Tax Service, State Taxation Administration (国家税务总局重庆市税务局) — the article names: Chongqing Local Taxation Bureau; Chongqing State Taxation Bureau',
    );
    const p22 = m.brief.quantified.find((p) => p.id === 'P22')!;
    // Before the 2019 reorganisation, prices were still the Price Bureau's.
    expect(p22.responsible).toBe("Chongqing Price Bureau (市物价局); Chongqing Municipal Commission of Economy and Information Technology (市经济信息委); the district and county people's governments (各区县人民政府)");
  });
});

describe('the batch dashboard', () => {
  it('words an invalid profile in Chinese where the report is Chinese', async () => {
    const { issueText } = await import('../src/render/report-dashboard.js');
    const issue = { file: 'batch.ndjson', line: 3, path: 'registrationDate', message: 'expected a date' };
    expect(issueText(issue, 'zh')).toBe('batch.ndjson，第 3 行，字段 registrationDate：资料不符合要求（expected a date）');
    expect(issueText(issue, 'en')).toBe('batch.ndjson:3: registrationDate: expected a date');
  });

  it('totals by policy count each sum of money once, so they add up to the grand total', async () => {
    const { totalsByPolicy } = await import('../src/render/report-dashboard.js');
    const rows = totalsByPolicy([result('cloud-sme'), result('regional-hq')], 'en');
    const p10 = rows.find((x) => x.id === 'P10')!;
    // cloud-sme's P10 102,060.53 (paid by the as-of date) + regional-hq's 1,390,000 (its P11 repeats the same income tax: not added).
    expect(p10.amount.raw).toBe('1492060.53');
    expect(p10.enterprises).toBe(2);
    expect(rows.find((x) => x.id === 'P11')?.amount.raw ?? '0.00').toBe('0.00');
  });
});
