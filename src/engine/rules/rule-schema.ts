import { z } from 'zod';
import { didYouMean } from '../support/suggest.js';
import { builtOnce } from '../support/built-once.js';

/**
 * The shape of rule files (rules/policies/*.yaml) and parameter files (rules/parameters/*.yaml).
 * Structure is checked here; names (facts, parameters, figures, policies) are checked by the
 * compiler, which knows the fact registry.
 */

export const OPERATORS = [
  'eq', 'ne', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'between', 'isTrue', 'isFalse',
  'exists', 'isNull', 'nonEmpty', 'contains', 'containsAny', 'startsWithAny',
] as const;
export type Operator = (typeof OPERATORS)[number];

/**
 * The schemas up to a single check, built apart from the rest so that ConditionDef, which the
 * recursive condition schema is typed with, can name CheckDef without a cycle of inferred types.
 */
function buildCheckSchemas() {
  const nonEmpty = z.string().trim().min(1, 'must not be empty');
  const textPair = z.strictObject({ zh: nonEmpty, en: nonEmpty });
  const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

  /**
   * A note, optionally dated like a parameter (`from` included, `until` excluded, against the as-of
   * date) with the source of what it says, and optionally given only where a boolean fact holds.
   */
  const noteSchema = z.strictObject({
    zh: nonEmpty,
    en: nonEmpty,
    from: dateKey.optional(),
    until: dateKey.optional(),
    source: nonEmpty.optional(),
    if: nonEmpty.optional(),
  });

  const operand = z.union([
    z.string(), z.number(), z.boolean(), z.null(),
    z.array(z.union([z.string(), z.number()])),
    z.strictObject({ param: nonEmpty }),
    z.strictObject({ fact: nonEmpty }),
  ]);

  const checkSchema = z.strictObject({
    id: z.string().regex(/^[a-zA-Z][\w-]*$/).optional(),
    fact: nonEmpty,
    op: z.enum(OPERATORS, {
      error: (iss) =>
        `unknown operator ${JSON.stringify(iss.input)}${typeof iss.input === 'string' ? didYouMean(iss.input, OPERATORS) : ''}; expected one of ${OPERATORS.join(', ')}`,
    }),
    value: operand.optional(),
    label: textPair.optional(),
  });
  return { nonEmpty, textPair, dateKey, noteSchema, operand, checkSchema };
}

function buildRuleSchemas() {
  const { nonEmpty, textPair, dateKey, noteSchema, operand, checkSchema } = checkSchemas();

  const conditionSchema: z.ZodType<ConditionDef> = z.lazy(() =>
    z.union([
      z.strictObject({ all: z.array(conditionSchema).min(1) }),
      z.strictObject({ any: z.array(conditionSchema).min(1) }),
      z.strictObject({ not: conditionSchema, id: z.string().regex(/^[a-zA-Z][\w-]*$/).optional(), label: textPair.optional() }),
      checkSchema,
    ]),
  );

  /** A figure is an expression, or a choice among options (the rate that applies, the lowest price). */
  const selectSchema = z.strictObject({
    pick: z.enum(['highest', 'lowest']),
    options: z
      .array(z.strictObject({ when: conditionSchema.optional(), value: nonEmpty, label: textPair.optional() }))
      .min(1),
  });

  const figureName = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'figure names are camelCase');
  const figuresSchema = z.record(figureName, z.union([nonEmpty, selectSchema]));

  const periodSchema = z.strictObject({
    kind: z.enum(['fiscal-year', 'window', 'none']),
    from: nonEmpty.optional(),
    years: z.number().int().min(1).max(70).optional(),
  });

  const itemGroupSchema = z.strictObject({
    name: figureName,
    of: z.enum(['land', 'utilities', 'taxPayments']),
    label: textPair.optional(),
    where: conditionSchema.optional(),
    figures: figuresSchema.optional(),
    amount: nonEmpty.optional(),
    period: z.strictObject({ from: nonEmpty, years: z.number().int().min(1).max(70) }).optional(),
  });

  const policySchema = z.strictObject({
    id: z.string().regex(/^P\d{2}$/, 'policy ids are P01 … P25'),
    article: z.number().int().min(1).max(99),
    nature: z.enum(['entitlement', 'discretionary', 'contingent', 'procedural']),
    title: textPair,
    summary: textPair,
    grants: textPair.optional(),
    citation: z.strictObject({
      article: z.number().int(),
      section: nonEmpty.optional(),
      text: nonEmpty,
      responsible: z.array(nonEmpty).min(1, 'name at least one responsible department'),
    }),
    period: periodSchema.optional(),
    defaults: z.record(nonEmpty, z.union([z.boolean(), z.string(), z.number()])).optional(),
    eligibility: conditionSchema,
    items: z.array(itemGroupSchema).optional(),
    figures: figuresSchema.optional(),
    amount: nonEmpty.optional(),
    /** Inputs of the amount that are never negative: when one is missing the amount is a lower bound. */
    atLeast: z.array(nonEmpty).optional(),
    stacking: z.strictObject({ group: nonEmpty }).optional(),
    notes: z.array(noteSchema).optional(),
    reading: textPair.optional(),
    effective: z.strictObject({ from: dateKey, until: dateKey.optional() }).optional(),
  });

  const parameterValueSchema = z.strictObject({
    value: z.unknown(),
    source: nonEmpty,
    note: z.string().optional(),
  });

  const parameterSchema = z.strictObject({
    description: textPair,
    unit: z.enum(['ratio', 'money', 'years', 'list', 'table']),
    reference: z.string().optional(),
    values: z.record(dateKey, parameterValueSchema).refine((v) => Object.keys(v).length > 0, 'a parameter needs at least one dated value'),
  });

  const manifestSchema = z.strictObject({
    name: nonEmpty,
    version: nonEmpty,
    document: z.strictObject({ title: nonEmpty, issued: dateKey, issuer: nonEmpty, file: nonEmpty.optional() }),
  });
  return { nonEmpty, textPair, noteSchema, operand, checkSchema, conditionSchema, selectSchema, itemGroupSchema, policySchema, parameterSchema, manifestSchema };
}

/*
 * Built on first use, not at import: a run that reads a checked precompiled copy of the rules
 * (src/cli/rules.ts) never validates rule files, and building the schemas costs it milliseconds.
 */
const checkSchemas: () => CheckSchemas = builtOnce(buildCheckSchemas);
/** The zod schemas of rule files, built once, on the first call. */
export const ruleSchemas: () => RuleSchemas = builtOnce(buildRuleSchemas);

type CheckSchemas = ReturnType<typeof buildCheckSchemas>;
export type TextPair = z.infer<CheckSchemas['textPair']>;
export type NoteDef = z.infer<CheckSchemas['noteSchema']>;
export type Operand = z.infer<CheckSchemas['operand']>;
export type CheckDef = z.infer<CheckSchemas['checkSchema']>;
/** A `not` may carry an id and a label: it is then explained as one check ("not bathing water"). */
export type ConditionDef = CheckDef | { all: ConditionDef[] } | { any: ConditionDef[] } | { not: ConditionDef; id?: string; label?: TextPair };

type RuleSchemas = ReturnType<typeof buildRuleSchemas>;
export type SelectDef = z.infer<RuleSchemas['selectSchema']>;
export type ItemGroupDef = z.infer<RuleSchemas['itemGroupSchema']>;
export type PolicyDef = z.infer<RuleSchemas['policySchema']>;
export type ParameterDef = z.infer<RuleSchemas['parameterSchema']>;
export type Manifest = z.infer<RuleSchemas['manifestSchema']>;
