import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './cli-helpers.js';

/** `check` shows whether the industry is a priority of its functional region (in-process). */
const check = (...args: string[]) => run(['check', ...args, '--as-of', '2019-06-30', '--no-color']);

describe('check: regional priority (section 二(二))', () => {
  it('says yes for a cloud-computing firm in 渝北区, in English and Chinese', async () => {
    const en = await check('fixtures/cloud-sme.json', '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.stderr).toBe('');
    expect(en.stdout).toContain(
      'Regional priority (section 二（二）): yes, internet, cloud computing and big data is a priority industry of the metropolitan extension region\n',
    );
    const zh = await check('fixtures/cloud-sme.json', '--lang', 'zh');
    expect(zh.stdout).toContain('区域布局（二（二））：是，互联网云计算大数据属于都市功能拓展区重点发展产业\n');
  });

  it('with --explain, quotes the sentences of the region and of its block', async () => {
    const r = await check('fixtures/hotel-hot-spring.json', '--lang', 'en', '--explain');
    expect(r.stdout).toContain('southeast ecological protection region (themes: mountain resorts, folk customs, wellness)');
    expect(r.stdout).toContain('    二（二）: 围绕优势资源重点发展生态旅游、民俗文化、健康养老、农村电商、通用航空等产业。\n');
    expect(r.stdout).toContain('    二（二）: 突出山地度假、民俗体验、养生养老等主题，大力发展民俗生态旅游服务业。\n');
  });

  it('asks for the district when it is not given', async () => {
    const r = await check('fixtures/sparse.json', '--lang', 'en');
    expect(r.stdout).toContain('Regional priority (section 二（二）): unknown until we know the district of registration\n');
  });

  it('says no, with the region\'s priorities, for new finance in the extension region', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'policy-calc-region-')), 'finance.json');
    writeFileSync(file, JSON.stringify({ name: 'x', registrationDate: '2017-01-01', district: '江北区', industry: 'new-finance' }));
    const r = await check(file, '--lang', 'zh');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '区域布局（二（二））：否，新兴金融服务业不在都市功能拓展区重点发展产业之列（专业服务业、互联网云计算大数据、电子商务及跨境结算、离岸服务外包、国际物流及城乡配送、保税商品展示及保税贸易、大健康服务业、文化旅游服务业）\n',
    );
  });

  it('puts regionPriority in the JSON output', async () => {
    const r = await check('fixtures/regional-hq.json', '--format', 'json');
    const out = JSON.parse(r.stdout) as { enterprise: { regionPriority: Record<string, unknown> } };
    expect(out.enterprise.regionPriority).toMatchObject({ region: 'core', industry: 'new-finance', priority: true, missing: [] });
    expect(out.enterprise.regionPriority.citation).toHaveLength(1);
  });
});
