import { closest } from '../support/suggest.js';
import { hasOwn, own } from '../support/own.js';
import { quoteInput } from '../support/errors.js';

/**
 * Chongqing's 38 districts and counties, with their functional region as in the municipality's
 * five functional regions plan that section 二(二) refers to. Five districts straddle the inner
 * ring: inside it they belong to the core region, outside to the extension region, so for them
 * the profile may state `functionalRegion`; otherwise the extension region is assumed.
 */
export const FUNCTIONAL_REGIONS = ['core', 'extension', 'new-urban', 'northeast', 'southeast'] as const;
export type FunctionalRegion = (typeof FUNCTIONAL_REGIONS)[number];

interface DistrictInfo {
  region: FunctionalRegion;
  /** Districts partly inside the inner ring can also be in the core region. */
  alsoCore?: boolean;
}

export const DISTRICTS: Readonly<Record<string, DistrictInfo>> = {
  渝中区: { region: 'core' },
  大渡口区: { region: 'extension', alsoCore: true },
  江北区: { region: 'extension', alsoCore: true },
  沙坪坝区: { region: 'extension', alsoCore: true },
  九龙坡区: { region: 'extension', alsoCore: true },
  南岸区: { region: 'extension', alsoCore: true },
  北碚区: { region: 'extension' },
  渝北区: { region: 'extension' },
  巴南区: { region: 'extension' },
  涪陵区: { region: 'new-urban' },
  长寿区: { region: 'new-urban' },
  江津区: { region: 'new-urban' },
  合川区: { region: 'new-urban' },
  永川区: { region: 'new-urban' },
  南川区: { region: 'new-urban' },
  綦江区: { region: 'new-urban' },
  大足区: { region: 'new-urban' },
  璧山区: { region: 'new-urban' },
  铜梁区: { region: 'new-urban' },
  潼南区: { region: 'new-urban' },
  荣昌区: { region: 'new-urban' },
  万州区: { region: 'northeast' },
  开州区: { region: 'northeast' },
  梁平区: { region: 'northeast' },
  城口县: { region: 'northeast' },
  丰都县: { region: 'northeast' },
  垫江县: { region: 'northeast' },
  忠县: { region: 'northeast' },
  云阳县: { region: 'northeast' },
  奉节县: { region: 'northeast' },
  巫山县: { region: 'northeast' },
  巫溪县: { region: 'northeast' },
  黔江区: { region: 'southeast' },
  武隆区: { region: 'southeast' },
  石柱土家族自治县: { region: 'southeast' },
  秀山土家族苗族自治县: { region: 'southeast' },
  酉阳土家族苗族自治县: { region: 'southeast' },
  彭水苗族土家族自治县: { region: 'southeast' },
};

/** Names in use when the document was issued in November 2016, before the county-to-district changes. */
export const DISTRICT_ALIASES: Readonly<Record<string, string>> = {
  开县: '开州区',
  梁平县: '梁平区',
  武隆县: '武隆区',
};

export function canonicalDistrict(name: string): string | undefined {
  if (hasOwn(DISTRICTS, name)) return name;
  return own(DISTRICT_ALIASES, name);
}

/**
 * Why a `district` is refused, or undefined when it is understood: a Chongqing name (or a
 * pre-2016 alias), or a place that names itself as outside Chongqing (a province, autonomous
 * region or city other than Chongqing: "四川省成都市武侯区"). Anything else, e.g. "渝北", "渝北县",
 * "两江新区", "Yubei", is refused: read as "not in Chongqing" it would silently drop every
 * policy that requires Chongqing, so a typo must stop the evaluation instead.
 */
export function districtProblem(name: string): string | undefined {
  if (canonicalDistrict(name) !== undefined) return undefined;
  if (!name.trim()) return 'is empty; leave the key out where the district is not known';
  const mentionsChongqing = name.includes('重庆');
  if (!mentionsChongqing && /省|自治区|特别行政区|市/.test(name)) return undefined;
  const bare = name.replace(/^\s*重庆市?/, '').trim();
  const names = [...Object.keys(DISTRICTS), ...Object.keys(DISTRICT_ALIASES)];
  const exact = canonicalDistrict(bare);
  // Chinese names are short: suggest only one character off ("渝北县" for "渝北区"), not guesses.
  const suggestion = exact ?? closest(bare, names, 1);
  const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
  const outside = '; for an enterprise outside Chongqing give its province or city too, e.g. "四川省成都市武侯区"';
  return mentionsChongqing
    ? `${quoteInput(name)} is not the name of a Chongqing district or county${hint}; write the district alone, e.g. "渝北区"`
    : `${quoteInput(name)} is not the name of a Chongqing district or county${hint}${outside}`;
}
