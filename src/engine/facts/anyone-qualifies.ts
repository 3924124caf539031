import { profileSchemas } from '../profile/profile-schema.js';
import type { ConditionDef } from '../rules/rule-schema.js';
import { own } from '../support/own.js';

/**
 * Whether a policy's eligibility holds for every valid profile: it only asks that facts the
 * profile schema requires (and never allows to be null) exist, as P03 and P04 do with
 * `registrationDate`. Such a policy can never be ineligible or needs-info, so its test cases show
 * why anyone qualifies instead of covering the three statuses. Derived from the profile schema,
 * so that making a field optional there makes such a rule an ordinary one again.
 */
export function alwaysGiven(fact: string): boolean {
  // Read on each call, not at import: the schemas are built on first use (profile-schema.ts).
  const shape = profileSchemas().profile.shape as Record<string, { safeParse(v: unknown): { success: boolean } }>;
  const field = own(shape, fact);
  return field !== undefined && !field.safeParse(undefined).success && !field.safeParse(null).success;
}

export function anyoneQualifies(def: ConditionDef): boolean {
  if ('all' in def) return def.all.every(anyoneQualifies);
  if ('any' in def) return def.any.some(anyoneQualifies);
  if ('not' in def) return false;
  return def.op === 'exists' && alwaysGiven(def.fact);
}
