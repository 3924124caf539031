import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, loadRules, parseProfile, type EvaluationResult } from '../src/engine/index.js';
import {
  ESTABLISHMENTS, FACILITIES, HQ_TYPES, INDUSTRIES, LAND_ACQUISITIONS, LAND_USES, OWNERSHIPS, SIZES, UTILITY_KINDS, UTILITY_PURPOSES,
} from '../src/engine/index.js';
import { OPERATORS } from '../src/engine/index.js';
import { renderHtml } from '../src/render/html.js';
import { renderMarkdown } from '../src/render/markdown.js';
import { renderTable } from '../src/render/table.js';
import { figureLabel } from '../src/render/report-figures.js';

/**
 * What a client reads in Chinese has no internal words: no operator names, parameter or policy
 * references, item paths, English enum codes or figure names. Every renderer, every fixture,
 * in-process.
 */
const rules = loadRules('rules');
const fixtures = readdirSync('fixtures').filter((f) => f.endsWith('.json')).sort();
const results: [string, EvaluationResult][] = fixtures.map((f) => [
  f,
  evaluate(rules, parseProfile(readFileSync(`fixtures/${f}`, 'utf8'), f), { asOf: '2019-06-30' }),
]);

const CODES = [...INDUSTRIES, ...OWNERSHIPS, ...ESTABLISHMENTS, ...SIZES, ...HQ_TYPES, ...LAND_USES, ...LAND_ACQUISITIONS, ...FACILITIES, ...UTILITY_KINDS, ...UTILITY_PURPOSES]
  .filter((c) => c !== 'other' && c !== 'new');
const FIGURE_NAMES = rules.policies.flatMap((p) => [...p.figures, ...p.groups.flatMap((g) => g.figures)].map((f) => f.name));
const word = (w: string) => new RegExp(`(?<![\\w.-])${w.replace(/[-.]/g, '\\$&')}(?![\\w-])`);
const JARGON: RegExp[] = [
  ...OPERATORS.map(word), /\bparam\./, /\bpolicies\.P\d\d/, /\bitem\./, /\bis none\b/,
  ...CODES.map(word), ...[...new Set(FIGURE_NAMES)].map(word),
];

/** A profile path in parentheses after a question is meant for whoever fills in the profile. */
const withoutPaths = (text: string) => text.replace(/（[\w.[\]]+）/g, '').replace(/<[^>]+>/g, ' ');

function renderAll(r: EvaluationResult): [string, string][] {
  return [
    ['table', renderTable(r, { lang: 'zh', explain: true, color: false })],
    ['markdown', renderMarkdown(r, { lang: 'zh' })],
    ['html', renderHtml(r, { lang: 'zh' }).replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<svg[\s\S]*?<\/svg>/g, '')],
  ];
}

describe.each(results)('%s in Chinese', (_name, r) => {
  it.each(renderAll(r))('%s shows no internal words', (_kind, out) => {
    const text = withoutPaths(out);
    const found = JARGON.map((re) => re.exec(text)?.[0]).filter(Boolean);
    expect(found).toEqual([]);
  });
});

describe('figure names', () => {
  it.each([...new Set([...FIGURE_NAMES, ...rules.policies.flatMap((p) => p.groups.map((g) => g.name))])])('%s has a Chinese label', (name) => {
    // A figure without a label would be spelled out from its camelCase name, in English.
    expect(figureLabel(name, 'zh')).not.toMatch(/[A-Za-z]/);
  });
});

describe('the explanation of an eligible policy', () => {
  const cloud = results.find(([f]) => f === 'cloud-sme.json')![1];
  const out = renderTable(cloud, { lang: 'en', explain: true, color: false });
  const block = (id: string) => out.slice(out.indexOf(`\n${id}  `), out.indexOf('\n\n', out.indexOf(`\n${id}  `)));

  it('lists each decisive check once and no failed one', () => {
    const p12 = block('P12');
    expect(p12).not.toContain('✘');
    expect(p12.match(/^ +✔/gm)).toHaveLength(2);
    // The rate options' conditions are explained beside the rate, not as checks.
    expect(p12).toMatch(/Extra deduction rate: 75%, the technology-based SME rate \(whether it is a technology-based SME: yes\)/);
  });

  it('works the arithmetic out in words and units', () => {
    // 75% × 1,860,000 + (175% − 100%) × 120,000 = 1,395,000 + 90,000 = 1,485,000
    // 2018: no months at a raised rate (公告2022年第28号 is 2022's), so the raised parts are 0.
    expect(block('P12')).toContain('Extra deduction: CNY 1,485,000.00 = 75% × (CNY 1,860,000.00 − CNY 0.00) + 75% × CNY 0.00 + (175% − 100%) × (CNY 120,000.00 − CNY 0.00) + (175% − 100%) × CNY 0.00');
    // 1,485,000 × 15% = 222,750
    expect(block('P12')).toContain('Tax saved: CNY 222,750.00 = CNY 1,485,000.00 × 15%');
  });
});
