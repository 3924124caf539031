import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validateProfile, readProfileJson, parseCalendarDate } from '../src/engine/index.js';
import { schemaText } from '../src/commands/schema.js';
import { ROOT, run } from './cli-helpers.js';

const committed = readFileSync(join(ROOT, 'schema', 'profile.schema.json'), 'utf8');
const schema = JSON.parse(committed);
const fixtures = readdirSync(join(ROOT, 'fixtures')).filter((f) => f.endsWith('.json'));

/** A standard validator: ajv in strict mode, with the `date` format checked as RFC 3339 full-date. */
function validator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addFormat('date', { type: 'string', validate: (s: string) => parseCalendarDate(s) === s });
  return ajv.compile(schema);
}
const validate = validator();

const base = { name: '测试企业', registrationDate: '2017-03-15' };
const zodAccepts = (p: unknown) => {
  try {
    validateProfile(readProfileJson(JSON.stringify(p)));
    return true;
  } catch {
    return false;
  }
};

describe('the committed JSON Schema', () => {
  it('is what `policy-calc schema` prints, byte for byte (regenerate: node bin/policy-calc.js schema > schema/profile.schema.json)', async () => {
    expect(schemaText()).toBe(committed);
    const r = await run(['schema']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(committed);
  });

  it('is draft 2020-12 and closed: no unknown keys at the top or inside objects', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['name', 'registrationDate']);
    expect(schema.properties.activities.additionalProperties).toBe(false);
    expect(schema.properties.fiscalYears.additionalProperties.additionalProperties).toBe(false);
  });

  it('describes money as decimal text or a number, never negative except the taxable income', () => {
    const fy = schema.properties.fiscalYears.additionalProperties.properties;
    expect(fy.revenue).toMatchObject({ anyOf: [{ type: 'string', pattern: '^(0|[1-9]\\d*)(\\.\\d+)?$' }, { type: 'number', minimum: 0 }] });
    expect(fy.taxableIncome).toMatchObject({ anyOf: [{ type: 'string', pattern: '^-?(0|[1-9]\\d*)(\\.\\d+)?$' }, { type: 'number' }] });
    expect(schema.properties.employees).toMatchObject({ type: 'integer', minimum: 0 });
    expect(schema.properties.land.items.properties.leaseYears).toMatchObject({ type: 'integer', minimum: 1, maximum: 70 });
    expect(schema.properties.registrationDate).toMatchObject({ type: 'string', format: 'date' });
  });
});

describe('profiles in ajv (a standard JSON Schema validator)', () => {
  it.each(fixtures)('fixture %s validates', (f) => {
    const profile = JSON.parse(readFileSync(join(ROOT, 'fixtures', f), 'utf8'));
    expect(validate(profile), JSON.stringify(validate.errors)).toBe(true);
  });

  it('the fixtures point at the committed schema', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'fixtures', 'cloud-sme.json'), 'utf8')).$schema).toBe('../schema/profile.schema.json');
  });

  const cases: [string, unknown, string][] = [
    ['an unknown key', { ...base, industy: 'cloud-bigdata' }, 'additionalProperties'],
    ['an unknown key inside a fiscal year', { ...base, fiscalYears: { '2017': { revenu: '1' } } }, 'additionalProperties'],
    ['a misspelled enum', { ...base, industry: 'cloud-big-data' }, 'enum'],
    ['a date that is not YYYY-MM-DD', { ...base, registrationDate: '2017-3-15' }, 'pattern'],
    ['a date that does not exist', { ...base, registrationDate: '2017-02-30' }, 'format'],
    ['money with a thousands separator', { ...base, fiscalYears: { '2017': { revenue: '1,000.00' } } }, 'pattern'],
    ['negative revenue', { ...base, fiscalYears: { '2017': { revenue: -5 } } }, 'minimum'],
    ['a fractional headcount', { ...base, employees: 4.5 }, 'type'],
    ['a fiscal year key that is not a year', { ...base, fiscalYears: { FY17: {} } }, 'pattern'],
    ['no name', { registrationDate: '2017-03-15' }, 'required'],
  ];
  it.each(cases)('%s fails in ajv, and in policy-calc too', (_what, profile, keyword) => {
    expect(validate(profile)).toBe(false);
    expect(validate.errors!.map((e) => e.keyword)).toContain(keyword);
    expect(zodAccepts(profile)).toBe(false);
  });

  it.each([
    ['a negative taxable income', { ...base, fiscalYears: { '2017': { taxableIncome: '-1200.50' } } }],
    ['money as a JSON number', { ...base, fiscalYears: { '2017': { revenue: 6200000.5 } } }],
    ['headquarters: null', { ...base, headquarters: null }],
    ['a $schema key', { $schema: '../schema/profile.schema.json', ...base }],
  ])('%s passes in both', (_what, profile) => {
    expect(validate(profile), JSON.stringify(validate.errors)).toBe(true);
    expect(zodAccepts(profile)).toBe(true);
  });
});
