import { z } from 'zod';
import { canonicalDistrict, DISTRICTS, FUNCTIONAL_REGIONS, type FunctionalRegion } from '../profile/districts.js';
import { SESI_INDUSTRIES, type Profile } from '../profile/profile-schema.js';
import { ruleSchemas, type TextPair } from '../rules/rule-schema.js';
import { Unknown } from '../support/unknown.js';
import { builtOnce } from '../support/built-once.js';

/**
 * The spatial layout of section 二(二) as data (rules/regions.yaml): the priority industries of
 * each functional region, and of blocks of districts within a region. Structure is checked by zod;
 * the loader then checks what zod cannot: each term is in its sentence, the priorities are exactly
 * the industries of the terms, block districts exist and lie in the block's region.
 */
function buildRegionsFileSchema() {
  const { nonEmpty, textPair } = ruleSchemas();
  const industry = z.enum(SESI_INDUSTRIES as [string, ...string[]], {
    error: (iss) => `"${String(iss.input)}" is not one of the ten industries; expected one of ${SESI_INDUSTRIES.join(', ')}`,
  });
  const term = z.strictObject({ term: nonEmpty, industry: industry.nullable() });
  const cited = {
    text: nonEmpty,
    terms: z.array(term).min(1),
    priorities: z.array(industry),
  };
  const regionSchema = z.strictObject({ name: textPair, ...cited });
  const blockSchema = z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'block ids are kebab-case'),
    name: textPair,
    region: z.enum(FUNCTIONAL_REGIONS),
    districts: z.array(nonEmpty).min(1),
    ...cited,
  });
  return z.strictObject({
    section: nonEmpty,
    regions: z.strictObject(Object.fromEntries(FUNCTIONAL_REGIONS.map((r) => [r, regionSchema])) as Record<FunctionalRegion, typeof regionSchema>),
    blocks: z.array(blockSchema).optional(),
  });
}

/** The schema of regions.yaml, built on first use: a run on a checked precompiled copy of the rules never needs it. */
export const regionsFileSchema = builtOnce(buildRegionsFileSchema);
export type RegionsFile = z.infer<ReturnType<typeof buildRegionsFileSchema>>;
export const REGION_KEYS = ['section', 'regions', 'blocks', 'name', 'text', 'terms', 'term', 'industry', 'priorities', 'id', 'region', 'districts'];

export interface RegionLayout {
  section: string;
  regions: Record<FunctionalRegion, { name: TextPair; text: string; priorities: string[] }>;
  blocks: { id: string; name: TextPair; region: FunctionalRegion; districts: string[]; text: string; priorities: string[] }[];
}

type Report = (path: (string | number)[], message: string) => void;

function checkCited(c: { text: string; terms: { term: string; industry: string | null }[]; priorities: string[] }, path: (string | number)[], report: Report): void {
  c.terms.forEach((t, i) => {
    if (!c.text.includes(t.term)) report([...path, 'terms', i, 'term'], `"${t.term}" is not in the text`);
  });
  const fromTerms = new Set(c.terms.flatMap((t) => (t.industry ? [t.industry] : [])));
  const listed = new Set(c.priorities);
  if (listed.size !== c.priorities.length) report([...path, 'priorities'], 'an industry is listed twice');
  for (const p of listed) if (!fromTerms.has(p)) report([...path, 'priorities'], `${p} is a priority, but no term maps to it`);
  for (const p of fromTerms) if (!listed.has(p)) report([...path, 'priorities'], `a term maps to ${p}, but it is not among the priorities`);
}

/** Validates the parsed regions.yaml; problems go to `report` with their YAML path. */
export function compileRegions(raw: unknown, report: Report, zodReport: (issues: readonly z.core.$ZodIssue[]) => void): RegionLayout | undefined {
  // Validated once per run: zod's compiled fast path would cost more to build than it saves.
  const r = regionsFileSchema().safeParse(raw, { jitless: true });
  if (!r.success) {
    zodReport(r.error.issues);
    return undefined;
  }
  const f = r.data;
  for (const region of FUNCTIONAL_REGIONS) checkCited(f.regions[region], ['regions', region], report);
  const seenIds = new Set<string>();
  const blockOf = new Map<string, string>();
  (f.blocks ?? []).forEach((b, i) => {
    const path = ['blocks', i];
    checkCited(b, path, report);
    if (seenIds.has(b.id)) report([...path, 'id'], `block "${b.id}" is defined twice`);
    seenIds.add(b.id);
    b.districts.forEach((d, j) => {
      const name = canonicalDistrict(d);
      if (name !== d) report([...path, 'districts', j], name ? `write the current name ${name}` : `"${d}" is not a Chongqing district or county`);
      else if (DISTRICTS[d]!.region !== b.region) report([...path, 'districts', j], `${d} is in the ${DISTRICTS[d]!.region} region, not ${b.region}`);
      if (blockOf.has(d)) report([...path, 'districts', j], `${d} is already in block "${blockOf.get(d)}"`);
      blockOf.set(d, b.id);
    });
  });
  return regionLayout(f);
}

/** The layout of a regions file that validation has passed (compileRegions, or a checked precompiled copy). */
export function regionLayout(f: RegionsFile): RegionLayout {
  const regions = Object.fromEntries(
    FUNCTIONAL_REGIONS.map((k) => [k, { name: f.regions[k].name, text: f.regions[k].text, priorities: f.regions[k].priorities }]),
  ) as RegionLayout['regions'];
  const blocks = (f.blocks ?? []).map(({ id, name, region, districts, text, priorities }) => ({ id, name, region, districts, text, priorities }));
  return { section: f.section, regions, blocks };
}

/** Whether the enterprise's industry is a priority of its region (and block), as the output shows it. */
export interface RegionPriority {
  region: FunctionalRegion | null;
  block: { id: string; name: TextPair } | null;
  industry: string | null;
  /** null when the region or the industry is unknown, or the district is outside Chongqing. */
  priority: boolean | null;
  /** The region's priorities, then those its block adds. */
  priorities: string[];
  /** Facts to supply for a decision. */
  missing: string[];
  citation: { section: string; text: string }[];
}

export function regionPriority(layout: RegionLayout, profile: Profile): RegionPriority {
  const industry = profile.industry ?? null;
  const r = functionalRegion(profile);
  if (r === null) {
    // A district outside Chongqing: section 二(二) does not speak of it.
    return { region: null, block: null, industry, priority: null, priorities: [], missing: [], citation: [] };
  }
  if (r instanceof Unknown) {
    return { region: null, block: null, industry, priority: null, priorities: [], missing: [...r.missing, ...(industry ? [] : ['industry'])], citation: [] };
  }
  const district = profile.district !== undefined ? canonicalDistrict(profile.district) : undefined;
  const block = district ? layout.blocks.find((b) => b.region === r && b.districts.includes(district)) : undefined;
  const region = layout.regions[r];
  const priorities = [...region.priorities, ...(block?.priorities.filter((p) => !region.priorities.includes(p)) ?? [])];
  const citation = [{ section: layout.section, text: region.text }, ...(block ? [{ section: layout.section, text: block.text }] : [])];
  const result = (priority: boolean | null, missing: string[]): RegionPriority => ({
    region: r, block: block ? { id: block.id, name: block.name } : null, industry, priority, priorities, missing, citation,
  });
  if (!industry) return result(null, ['industry']);
  if (priorities.includes(industry)) return result(true, []);
  // Region stated without a district: a block of the region might still make it a priority.
  if (!district && layout.blocks.some((b) => b.region === r && b.priorities.includes(industry))) return result(null, ['district']);
  return result(false, []);
}

/** The functional region: the district's, or core where a district straddling the inner ring says so. */
export function functionalRegion(p: Profile): FunctionalRegion | Unknown | null {
  if (p.district === undefined) return p.functionalRegion ?? Unknown.of('district');
  const d = canonicalDistrict(p.district);
  if (d === undefined) return null;
  const info = DISTRICTS[d]!;
  if (p.functionalRegion === 'core' && info.alsoCore) return 'core';
  return info.region;
}
