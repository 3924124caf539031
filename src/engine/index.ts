/** The engine's public surface: load rules, read profiles, evaluate. No CLI concerns here. */
export { PolicyCalcError, isPolicyCalcError, formatIssue, type Issue, type ErrorCode } from './errors.js';
export { loadRules, readRuleSource, compileRuleSet, ruleFiles, type RuleSet, type RuleSource } from './rule-set.js';
export { parseProfile, validateProfile, readProfileJson, decodeUtf8 } from './profile.js';
export { profileSchema, type Profile } from './profile-schema.js';
export { evaluate, defaultYear, type EvaluateOptions } from './evaluate.js';
export type { EvaluationResult, Benefit, Status, Period, Warning } from './result.js';
export { parseCalendarDate, todayLocal, type CalendarDate } from './dates.js';
export type { Reason, Assumption, ParameterUse } from './trace.js';
export type { TextPair } from './rule-schema.js';
export { readRuleTests, runRuleTest, runRuleTests, type RuleTestCase, type RuleTestResult, type RuleTestFailure } from './rule-tests.js';
export { lintRules, type LintReport, type LintProblem, type LintRule, type LintSeverity, type LintOptions } from './lint.js';
export { parameterRefs, type ParameterRef } from './lint-parameters.js';
export type { Parameter, ParameterValue } from './parameters.js';
export type { PolicyDef } from './rule-schema.js';
export { profileJsonSchema } from './profile-json-schema.js';
export { anyoneQualifies, alwaysGiven } from './anyone-qualifies.js';
export { regionPriority, type RegionPriority, type RegionLayout } from './regions.js';
export { own, hasOwn } from './own.js';
