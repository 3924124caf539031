import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { PolicyCalcError } from '../support/errors.js';
import { evaluate } from '../evaluate/evaluate.js';
import { validateProfile } from '../profile/profile.js';
import { regionPriority } from './regions.js';
import { loadRules } from '../rules/rule-set.js';

const rulesDir = fileURLToPath(new URL('../../../rules', import.meta.url));
const rules = loadRules(rulesDir);
const layout = rules.regions!;
const rp = (profile: Record<string, unknown>) => regionPriority(layout, validateProfile({ name: 't', registrationDate: '2017-01-01', ...profile }));

describe('rules/regions.yaml: section 二(二) as data', () => {
  it('gives each region the industries its sentence names, read by hand', () => {
    // core: 新兴金融服务业、服务外包、专业服务、文化创意、总部贸易、电子商务及跨境结算、保税商品展示展销
    expect([...layout.regions.core.priorities].sort()).toEqual(
      ['bonded-trade', 'culture-tourism', 'ecommerce', 'hq-transit-trade', 'new-finance', 'professional-services', 'service-outsourcing'],
    );
    // extension: 研发设计、云计算大数据、电子商务及跨境结算、服务贸易、现代物流、保税贸易、大健康及文化旅游 — all but new-finance and hq-transit-trade
    expect([...layout.regions.extension.priorities].sort()).toEqual(
      ['big-health', 'bonded-trade', 'cloud-bigdata', 'culture-tourism', 'ecommerce', 'logistics', 'professional-services', 'service-outsourcing'],
    );
    // new-urban: 保税服务、服务外包、工业设计、售后服务、现代物流; 养生养老、乡村旅游、休闲度假
    expect([...layout.regions['new-urban'].priorities].sort()).toEqual(
      ['big-health', 'bonded-trade', 'culture-tourism', 'logistics', 'professional-services', 'service-outsourcing'],
    );
    // northeast and southeast: 生态旅游、民俗文化、健康养老、农村电商 (通用航空 is none of the ten)
    for (const r of ['northeast', 'southeast'] as const) {
      expect([...layout.regions[r].priorities].sort()).toEqual(['big-health', 'culture-tourism', 'ecommerce']);
    }
    const wky = layout.blocks.find((b) => b.id === 'wan-kai-yun')!;
    expect(wky.districts).toEqual(['万州区', '开州区', '云阳县']);
    expect([...wky.priorities].sort()).toEqual(['big-health', 'culture-tourism', 'logistics', 'professional-services']);
  });

  // The rule set ships its source document in rules/source/ (where `rules lint` looks first).
  const source = join(rulesDir, 'source', rules.manifest.document.file ?? '');
  it('quotes every sentence verbatim from the source document', () => {
    expect(existsSync(source), source).toBe(true);
    const text = readFileSync(source, 'utf8');
    const layoutSection = text.slice(text.indexOf('（二）空间布局。'), text.indexOf('三、主要任务'));
    const sentences = [...Object.values(layout.regions).map((r) => r.text), ...layout.blocks.map((b) => b.text)];
    for (const s of sentences) expect(layoutSection, s).toContain(s);
  });
});

describe('regionPriority', () => {
  it('a cloud-computing firm in 渝北区 is a priority of the extension region', () => {
    const r = rp({ district: '渝北区', industry: 'cloud-bigdata' });
    expect(r).toMatchObject({ region: 'extension', block: null, priority: true, missing: [] });
    expect(r.citation).toEqual([{ section: '二（二）', text: layout.regions.extension.text }]);
  });

  it('new finance is a core priority but not an extension one: 九龙坡区 straddles the inner ring', () => {
    expect(rp({ district: '九龙坡区', industry: 'new-finance' })).toMatchObject({ region: 'extension', priority: false });
    expect(rp({ district: '九龙坡区', functionalRegion: 'core', industry: 'new-finance' })).toMatchObject({ region: 'core', priority: true });
    // a district wholly outside the core region cannot claim it
    expect(rp({ district: '北碚区', functionalRegion: 'core', industry: 'new-finance' })).toMatchObject({ region: 'extension', priority: false });
  });

  it('the 万开云 block adds logistics and professional services to the northeast region', () => {
    const wanzhou = rp({ district: '万州区', industry: 'logistics' });
    expect(wanzhou).toMatchObject({ region: 'northeast', block: { id: 'wan-kai-yun' }, priority: true });
    expect(wanzhou.priorities).toEqual(['culture-tourism', 'big-health', 'ecommerce', 'professional-services', 'logistics']);
    expect(wanzhou.citation.map((c) => c.text)).toEqual([layout.regions.northeast.text, layout.blocks.find((b) => b.id === 'wan-kai-yun')!.text]);
    // the former name 开县 is the same county
    expect(rp({ district: '开县', industry: 'professional-services' })).toMatchObject({ block: { id: 'wan-kai-yun' }, priority: true });
    // 城口县 is in the northeast region but not in the block
    expect(rp({ district: '城口县', industry: 'logistics' })).toMatchObject({ region: 'northeast', block: null, priority: false });
  });

  it('a region stated without a district: unknown only where a block could decide it', () => {
    expect(rp({ functionalRegion: 'northeast', industry: 'logistics' })).toMatchObject({ priority: null, missing: ['district'] });
    expect(rp({ functionalRegion: 'northeast', industry: 'culture-tourism' })).toMatchObject({ priority: true, missing: [] });
    expect(rp({ functionalRegion: 'northeast', industry: 'new-finance' })).toMatchObject({ priority: false, missing: [] });
  });

  it('says what to supply when the region or the industry is unknown', () => {
    expect(rp({ industry: 'ecommerce' })).toMatchObject({ region: null, priority: null, missing: ['district'], citation: [] });
    expect(rp({})).toMatchObject({ priority: null, missing: ['district', 'industry'] });
    expect(rp({ district: '渝中区' })).toMatchObject({ region: 'core', priority: null, missing: ['industry'] });
  });

  it('industry other is no priority anywhere; a district outside Chongqing has no region', () => {
    expect(rp({ district: '渝中区', industry: 'other' })).toMatchObject({ priority: false });
    expect(rp({ district: '北京市朝阳区', industry: 'ecommerce' })).toMatchObject({ region: null, priority: null, missing: [] });
  });

  it('is part of the evaluation result', () => {
    const profile = validateProfile({ name: 't', registrationDate: '2017-01-01', district: '石柱土家族自治县', industry: 'culture-tourism' });
    const r = evaluate(rules, profile, { asOf: '2019-06-30' }).enterprise.regionPriority!;
    expect(r).toMatchObject({ region: 'southeast', block: { id: 'southeast-themes' }, priority: true });
    expect(r.citation).toHaveLength(2);
  });
});

describe('loading regions.yaml', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'regions-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const original = readFileSync(join(rulesDir, 'regions.yaml'), 'utf8');
  let n = 0;

  /** Copies the rules, applies `edit` to regions.yaml, and returns the issues of loading it. */
  function issuesOf(edit: (text: string) => string) {
    const dir = join(tmp, `rules-${n++}`);
    cpSync(rulesDir, dir, { recursive: true });
    const edited = edit(original);
    expect(edited).not.toBe(original);
    writeFileSync(join(dir, 'regions.yaml'), edited);
    try {
      loadRules(dir);
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyCalcError);
      expect((e as PolicyCalcError).code).toBe('RULES_INVALID');
      return { issues: (e as PolicyCalcError).issues, text: edited };
    }
    throw new Error('expected the rules to be refused');
  }
  const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

  it('is optional: without it there is no regionPriority', () => {
    const dir = join(tmp, 'no-regions');
    cpSync(rulesDir, dir, { recursive: true });
    unlinkSync(join(dir, 'regions.yaml'));
    const without = loadRules(dir);
    expect(without.regions).toBeUndefined();
    const profile = validateProfile({ name: 't', registrationDate: '2017-01-01', district: '渝北区', industry: 'logistics' });
    expect(evaluate(without, profile, { asOf: '2019-06-30' }).enterprise).not.toHaveProperty('regionPriority');
  });

  it('refuses a term that is not in its sentence, with file and line', () => {
    const { issues, text } = issuesOf((t) => t.replace('{ term: 总部贸易, industry: hq-transit-trade }', '{ term: 总部经济, industry: hq-transit-trade }'));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toMatch(/regions\.yaml$/);
    expect(issues[0]!.line).toBe(lineOf(text, '总部经济'));
    expect(issues[0]!.message).toContain('"总部经济" is not in the text');
  });

  it('refuses priorities that differ from what the terms map to', () => {
    const { issues, text } = issuesOf((t) => t.replace(
      'priorities: [professional-services, cloud-bigdata, ecommerce, service-outsourcing, logistics, bonded-trade, big-health, culture-tourism]',
      'priorities: [professional-services, cloud-bigdata, ecommerce, service-outsourcing, bonded-trade, big-health, culture-tourism, new-finance]',
    ));
    const messages = issues.map((i) => i.message).sort();
    expect(messages).toEqual(['a term maps to logistics, but it is not among the priorities', 'new-finance is a priority, but no term maps to it']);
    expect(issues.every((i) => i.line === lineOf(text, 'bonded-trade, big-health, culture-tourism, new-finance]'))).toBe(true);
  });

  it('refuses an industry that is not one of the ten', () => {
    const { issues, text } = issuesOf((t) => t.replace('{ term: 现代物流, industry: logistics }', '{ term: 现代物流, industry: freight }'));
    expect(issues[0]!.message).toContain('"freight" is not one of the ten industries');
    expect(issues[0]!.line).toBe(lineOf(text, 'industry: freight'));
  });

  it('refuses a block district outside its region or outside Chongqing', () => {
    const { issues, text } = issuesOf((t) => t.replace('districts: [万州区, 开州区, 云阳县]', 'districts: [万州区, 开州区, 黔江区, 浦东新区]'));
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'blocks.0.districts.2: 黔江区 is in the southeast region, not northeast',
      'blocks.0.districts.3: "浦东新区" is not a Chongqing district or county',
      // and the southeast block that rightly holds it now finds it taken
      'blocks.2.districts.0: 黔江区 is already in block "wan-kai-yun"',
    ]);
    expect(issues[0]!.line).toBe(lineOf(text, '浦东新区'));
  });

  it('refuses a file that leaves out a region', () => {
    const { issues } = issuesOf((t) => t.replace(/\n {2}southeast:\n(?: {4}.*\n)+/, '\n'));
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual(['regions.southeast: is required']);
  });

  it('refuses an unknown key, naming the key', () => {
    const { issues, text } = issuesOf((t) => t.replace('  core:\n    name:', '  core:\n    prioritise: [logistics]\n    name:'));
    expect(issues[0]!.message).toContain('unknown key "prioritise"');
    expect(issues[0]!.line).toBe(lineOf(text, 'prioritise'));
  });
});
