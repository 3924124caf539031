/** The engine's public surface: load rules, read profiles, evaluate. No CLI concerns here. */
export { PolicyCalcError, isPolicyCalcError, formatIssue, type Issue, type ErrorCode } from './errors.js';
export { loadRules, readRuleSource, compileRuleSet, ruleFiles, type RuleSet, type RuleSource } from './rule-set.js';
export { parseProfile, validateProfile, readProfileJson, decodeUtf8 } from './profile.js';
export { profileSchema, type Profile } from './profile-schema.js';
export { evaluate, evaluateLean, defaultYear, type EvaluateOptions, type LeanResult, type Outcome } from './evaluate.js';
export type { EvaluationResult, Benefit, Status, Period, Warning } from './result.js';
export { parseCalendarDate, todayIn, POLICY_TIME_ZONE, type CalendarDate } from './dates.js';
export type {
  Reason, Assumption, ParameterUse, PolicyTrace, ConditionNode, CheckNode, FigureNode, FigureInput, GroupTrace, ItemTrace,
  PickTrace, PickOption, TraceData, TraceNumber, TruthValue, RuleRef,
} from './trace.js';
export type { Unit } from './units.js';
export { factWords, valueWords, enumWords, vocabularyKey } from './vocabulary.js';
export { parseExpression, type ExprNode } from './expression.js';
export type { TextPair } from './rule-schema.js';
export { readRuleTests, runRuleTest, runRuleTests, type RuleTestCase, type RuleTestResult, type RuleTestFailure } from './rule-tests.js';
export { lintRules, type LintReport, type LintProblem, type LintRule, type LintSeverity, type LintOptions } from './lint.js';
export { parameterRefs, type ParameterRef } from './lint-parameters.js';
export type { Parameter, ParameterValue } from './parameters.js';
export type { PolicyDef } from './rule-schema.js';
export { profileJsonSchema } from './profile-json-schema.js';
export { anyoneQualifies, alwaysGiven } from './anyone-qualifies.js';
export { regionPriority, type RegionPriority, type RegionLayout } from './regions.js';
export { evaluateYears, fiscalYearsOf, type YearsResult, type YearsPolicy, type YearOutcome } from './years.js';
export { own, hasOwn } from './own.js';
export { escapeControls, escapeControlsDeep, hasControls } from './control-chars.js';
export { MAX_ISSUES, quoteInput } from './errors.js';
