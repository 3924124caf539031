import type { Assumption, ParameterUse, PolicyTrace, Reason } from './trace.js';
import type { TextPair } from '../rules/rule-schema.js';
import type { RegionPriority } from '../facts/regions.js';
import type { ApplyTo } from '../rules/law-in-force.js';

/** The output of contract.md section 3; every renderer reads this one object. */
export type Status = 'eligible' | 'ineligible' | 'needs-info';
export type Nature = 'entitlement' | 'discretionary' | 'contingent' | 'procedural';

export interface Period {
  from: string;
  /** Last day included. */
  to: string;
  /** First day after the period: the window is [from, endExclusive). */
  endExclusive: string;
  /** Whether the window is still running on the as-of date. */
  open?: boolean;
  item?: string;
}

export interface Benefit {
  id: string;
  article: number;
  title: TextPair;
  summary: TextPair;
  /** What the article grants, for every policy (the amount, where there is one, is the quantified part). */
  grants?: TextPair;
  /** How this tool reads the article where the text leaves room, as the rule file states it. */
  reading?: TextPair;
  status: Status;
  nature: Nature;
  quantified: boolean;
  amount: string | null;
  /** Beside every non-null amount: exact, or a lower bound where an input that can only raise it is missing. */
  amountBound: 'exact' | 'at-least' | null;
  currency: 'CNY';
  period: Period | null;
  itemPeriods: Period[];
  figures: Record<string, string>;
  reasons: Reason[];
  missing: string[];
  assumptions: Assumption[];
  parameters: ParameterUse[];
  notes: TextPair[];
  citation: { article: number; section?: string; text: string; responsible: string[] };
  /** Where to apply on the as-of date: the citation's departments, or those that took over their functions (set for every benefit). */
  applyTo?: ApplyTo;
  countedInTotal: boolean;
  /** The benefit whose money this one repeats, when countedInTotal is false for that reason. */
  overlapsWith?: string;
  /** The decision tree, when the evaluation was asked for one (check --format json, --explain, reports). */
  trace?: PolicyTrace;
}

export interface Warning {
  path: string;
  message: TextPair;
}

export interface EvaluationResult {
  enterprise: {
    name: string;
    creditCode: string | null;
    district: string | null;
    region: string | null;
    industry: string | null;
    size: string | null;
    sizeDerived: boolean;
    sizeBasis?: string;
    /** Whether the industry is a priority of the enterprise's functional region (section 二(二)); present when the rules carry regions.yaml. */
    regionPriority?: RegionPriority;
  };
  evaluation: { year: number | null; asOf: string; rulesVersion: string };
  benefits: Benefit[];
  totals: { amount: string; amountBound: 'exact' | 'at-least'; eligible: number; needsInfo: number; ineligible: number };
  warnings: Warning[];
}

/**
 * What every evaluation decides of a policy, and all that a batch's lean line prints. A Benefit is
 * one, with the explanations besides; the lean evaluation builds only this (see evaluateLean).
 */
export interface Outcome {
  id: string;
  status: Status;
  amount: string | null;
  amountBound: 'exact' | 'at-least' | null;
  countedInTotal: boolean;
  missing: string[];
  overlapsWith?: string;
}

/** The lean evaluation's result: the lean line's fields of EvaluationResult, the same values. */
export interface LeanResult {
  enterprise: { name: string; creditCode: string | null };
  evaluation: EvaluationResult['evaluation'];
  benefits: Outcome[];
  totals: EvaluationResult['totals'];
}
