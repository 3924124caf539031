import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildProfileDoc } from '../src/cli/profile-doc-build.js';
import { profileJsonSchema } from '../src/engine/index.js';
import { fieldDocs } from '../src/engine/index.js';
import { ROOT } from './cli-helpers.js';

type Node = Record<string, any>;

/** Every property of the schema at every depth, with its path as profile-fields.ts names it. */
function properties(node: Node, path: string, out: [string, Node][] = []): [string, Node][] {
  for (const [k, child] of Object.entries<Node>(node.properties ?? {})) {
    const p = path ? `${path}.${k}` : k;
    out.push([p, child]);
    properties(child, p, out);
  }
  if (node.items?.enum) out.push([`${path}[]`, node.items]);
  else if (node.items) properties(node.items, `${path}[]`, out);
  if (node.additionalProperties && typeof node.additionalProperties === 'object') properties(node.additionalProperties, `${path}.{year}`, out);
  for (const b of node.anyOf ?? []) properties(b, path, out);
  return out;
}

const all = properties(profileJsonSchema(), '');
const isMoney = (n: Node) => Array.isArray(n.anyOf) && n.anyOf.some((b: Node) => b.type === 'number') && n.anyOf.some((b: Node) => b.type === 'string');

describe('the JSON Schema explains every field', () => {
  it('reaches the nested fields (activities, fiscal years, land, utilities, payments)', () => {
    const paths = all.map(([p]) => p);
    for (const p of ['activities.firstLoan', 'fiscalYears.{year}.rdExpensed', 'land[].leaseYears', 'utilities[].referencePrices.publicMedical', 'taxPayments[].amount', 'facilities[]', 'headquarters.recognized']) {
      expect(paths).toContain(p);
    }
  });

  it.each(all)('%s has a description in Chinese and English', (_p, node) => {
    expect(typeof node.description).toBe('string');
    expect(node.description).toMatch(/[\u4e00-\u9fff]/);
    expect(node.description).toMatch(/[A-Za-z]{4,}/);
  });

  it('says what each value of every enum means', () => {
    const enums = all.filter(([, n]) => Array.isArray(n.enum));
    expect(enums.length).toBeGreaterThan(10);
    for (const [p, n] of enums) for (const v of n.enum) expect(n.description, `${p} = ${v}`).toContain(`${v} = `);
  });

  it('says that money is in 元, and areas and land prices in their units', () => {
    const money = all.filter(([p, n]) => isMoney(n) && p !== 'land[].areaSqm' && p !== 'utilities[].quantity');
    expect(money.length).toBeGreaterThanOrEqual(12);
    for (const [p, n] of money) expect(n.description, p).toMatch(/元/);
    expect(Object.fromEntries(all)['land[].areaSqm']!.description).toContain('平方米');
    expect(Object.fromEntries(all)['land[].basePricePerSqm']!.description).toContain('元/平方米');
    expect(Object.fromEntries(all)['land[].leaseYears']!.description).toContain('years');
  });

  it('has no description left over for a field the schema does not have', () => {
    const paths = new Set(all.map(([p]) => p));
    expect(Object.keys(fieldDocs()).filter((k) => !paths.has(k))).toEqual([]);
  });
});

describe('docs/profile.md', () => {
  const committed = readFileSync(join(ROOT, 'docs', 'profile.md'), 'utf8');

  it('is what the schema, the field docs and the rules give (regenerate: npm run build && node scripts/profile-doc.mjs > docs/profile.md)', () => {
    expect(buildProfileDoc()).toBe(committed);
  });

  it('has a row for every field at every depth', () => {
    for (const [p] of all) expect(committed).toContain(`| \`${p}\` |`);
  });

  it('credits fields to the policies that read them, as the articles say', () => {
    const row = (p: string) => committed.split('\n').find((l) => l.startsWith(`| \`${p}\` |`))!;
    // Article 12 (R&D extra deduction) is computed from the R&D expense; article 10's subsidy from the taxes paid.
    expect(row('fiscalYears.{year}.rdExpensed')).toContain('P12');
    expect(row('taxPayments')).toContain('P10');
    // Article 19 is for manufacturers setting up after-sales centres abroad.
    expect(row('manufacturingSector')).toContain('P19');
    // Articles 20 and 21 price land; article 22 prices utilities.
    expect(row('land[].basePricePerSqm')).toMatch(/P20 P21/);
    expect(row('utilities[].currentPrice')).toContain('P22');
    expect(row('utilities[].currentPrice')).not.toContain('P20');
  });
});
