/**
 * The engine's only way in: load rules, read profiles, evaluate, and the tooling around them.
 * Nothing outside src/engine imports a file inside it; no CLI concerns here (no commander, chalk
 * or process). The folders: support/ (errors, exact decimals, calendar dates, safe lookups),
 * profile/ (reading and validating a profile), rules/ (reading and compiling rule files),
 * facts/ (what a rule can ask of a profile, and its words), evaluate/ (one profile against the
 * rules: statuses, amounts, traces), tooling/ (lint, rule tests, field readers for the docs).
 */

// support/
export { PolicyCalcError, isPolicyCalcError, formatIssue, MAX_ISSUES, quoteInput, type Issue, type ErrorCode } from './support/errors.js';
export { Dec, isDec, parseDecimalText } from './support/decimal.js';
export { parseCalendarDate, todayIn, POLICY_TIME_ZONE, type CalendarDate } from './support/dates.js';
export { own, hasOwn, byCodePoint } from './support/own.js';
export { escapeControls, escapeControlsDeep, hasControls } from './support/control-chars.js';
export { closest } from './support/suggest.js';

// profile/
export { parseProfile, validateProfile, readProfileJson, decodeUtf8, MAX_ITEMS } from './profile/profile.js';
export {
  profileSchemas,
  ACTIVITIES, ESTABLISHMENTS, FACILITIES, HQ_TYPES, INDUSTRIES, LAND_ACQUISITIONS, LAND_USES, MANUFACTURING_SECTORS,
  OWNERSHIPS, SIZES, TAX_KINDS, UTILITY_KINDS, UTILITY_PURPOSES, type Profile,
} from './profile/profile-schema.js';
export {
  quickProfile, FISCAL_YEAR_KEYS, HEADQUARTERS_KEYS, PARCEL_KEYS, PROFILE_KEYS, REFERENCE_PRICE_KEYS, TAX_PAYMENT_KEYS, UTILITY_KEYS,
} from './profile/profile-validate.js';
export { profileJsonSchema } from './profile/profile-json-schema.js';
export { fieldDocs, type FieldDoc } from './profile/profile-fields.js';
export { PLACEHOLDERS } from './profile/placeholders.js';
export { FUNCTIONAL_REGIONS, DISTRICT_ALIASES, DISTRICTS, districtProblem, canonicalDistrict } from './profile/districts.js';
export { creditCodeCheckCharacter, creditCodeProblem } from './profile/credit-code.js';
export { lineColumn, lineColumns, readJson } from './profile/json-reader.js';

// rules/
export { loadRules, readRuleSource, compileRuleSet, checkedRuleSource, ruleFiles, type RuleSet, type RuleSource } from './rules/rule-set.js';
export { OPERATORS, type TextPair, type PolicyDef, type ConditionDef, type NoteDef, type SelectDef } from './rules/rule-schema.js';
export { parseExpression, namesIn, type ExprNode } from './rules/expression.js';
export { ENGINE_PARAMETER_SHAPES, type Parameter, type ParameterValue } from './rules/parameters.js';
export { MAX_ENTRIES, readYamlFile } from './rules/yaml-file.js';
export type { Unit } from './rules/units.js';

// facts/
export { FACTS, APPLY_TO_READER, ENGINE_PARAMETERS } from './facts/facts.js';
export { factWords, valueWords, enumWords, vocabularyKey } from './facts/vocabulary.js';
export { factEntry, COLLECTIONS, STATUS_WORDS } from './facts/catalogue/catalogue.js';
export type { FactEntry } from './facts/catalogue/fact-entry.js';
export { openFacts, openCount } from './facts/open-facts.js';
export { anyoneQualifies, alwaysGiven } from './facts/anyone-qualifies.js';
export { regionPriority, type RegionPriority, type RegionLayout } from './facts/regions.js';

// evaluate/
export { evaluate, defaultYear, type EvaluateOptions } from './evaluate/evaluate.js';
export { evaluateLean, evaluateLeanMany } from './evaluate/lean.js';
export type { EvaluationResult, Benefit, Status, Period, Warning, LeanResult, Outcome } from './evaluate/result.js';
export { display } from './evaluate/trace.js';
export type {
  Reason, Assumption, ParameterUse, PolicyTrace, ConditionNode, CheckNode, FigureNode, FigureInput, GroupTrace, ItemTrace,
  PickTrace, PickOption, TraceData, TraceNumber, TruthValue, RuleRef,
} from './evaluate/trace.js';
export { evaluateYears, fiscalYearsOf, type YearsResult, type YearsPolicy, type YearOutcome } from './evaluate/years.js';

// tooling/
export { readRuleTests, runRuleTest, type RuleTestCase, type RuleTestResult, type RuleTestFailure } from './tooling/rule-tests.js';
export { lintRules, type LintReport, type LintProblem, type LintRule, type LintSeverity, type LintOptions } from './tooling/lint.js';
export { parameterRefs, type ParameterRef } from './tooling/lint-parameters.js';
export { normalizeText, parseSourceDocument } from './tooling/lint-source.js';
export { fieldReaders, docPath } from './tooling/field-readers.js';
