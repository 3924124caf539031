import { describe, expect, it } from 'vitest';
import { DISTRICT_ALIASES, DISTRICTS, districtProblem } from './districts.js';

describe('districtProblem', () => {
  it('accepts every Chongqing district and county, and the pre-2016 names', () => {
    const names = [...Object.keys(DISTRICTS), ...Object.keys(DISTRICT_ALIASES)];
    expect(names).toHaveLength(41);
    for (const n of names) expect(districtProblem(n), n).toBeUndefined();
  });

  it('accepts a place that names its province, region or city outside Chongqing', () => {
    for (const n of ['四川省成都市武侯区', '成都市武侯区', '广西壮族自治区南宁市青秀区', '香港特别行政区', '浙江省宁波市江北区', '北京市朝阳区', '都江堰市']) {
      expect(districtProblem(n), n).toBeUndefined();
    }
  });

  it('refuses a near miss of a Chongqing name and suggests it', () => {
    expect(districtProblem('渝北')).toMatch(/^"渝北" is not the name of a Chongqing district or county \(did you mean "渝北区"\?\)/);
    expect(districtProblem('渝北县')).toMatch(/did you mean "渝北区"/);
    expect(districtProblem('石柱县')).toBeDefined();
    expect(districtProblem('开州')).toMatch(/did you mean "开州区"/);
  });

  it('refuses Chongqing written with the city, suggesting the district alone', () => {
    expect(districtProblem('重庆市渝北区')).toMatch(/did you mean "渝北区"\?\); write the district alone/);
    expect(districtProblem('重庆渝中区')).toMatch(/did you mean "渝中区"/);
    // Naming Chongqing is never "outside Chongqing", whatever follows.
    expect(districtProblem('重庆市某某区')).toBeDefined();
  });

  it('refuses what is neither, without a far-fetched suggestion', () => {
    for (const n of ['两江新区', 'Yubei', 'Chongqing', '朝阳区']) {
      const p = districtProblem(n);
      expect(p, n).toMatch(/give its province or city too/);
      expect(p, n).not.toMatch(/did you mean/);
    }
    // One character off a Chongqing name is ambiguous: refused, with the Chongqing name offered.
    expect(districtProblem('武侯区')).toMatch(/did you mean "武隆区"/);
  });

  it('refuses an empty or blank name', () => {
    expect(districtProblem('')).toMatch(/is empty/);
    expect(districtProblem('  ')).toMatch(/is empty/);
  });
});
