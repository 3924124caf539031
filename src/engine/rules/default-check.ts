import { parseCalendarDate } from '../support/dates.js';
import { parseDecimalText } from '../support/decimal.js';
import type { ResolvedFact } from './conditions.js';

/**
 * A policy's default stands in for a missing fact, so it must be a value of that fact's type:
 * `technologySme: "yes"` (a string for a yes/no fact) would never equal true and silently pick
 * the other rate. Returns why a default does not fit, or undefined.
 */
export function defaultProblem(fact: string, resolved: ResolvedFact, value: unknown): string | undefined {
  const shown = JSON.stringify(value);
  const bad = (what: string) => `default ${shown} for "${fact}" is not ${what}`;
  switch (resolved.type) {
    case 'boolean':
      return typeof value === 'boolean' ? undefined : bad('true or false');
    case 'enum':
      return typeof value === 'string' && (!resolved.values || resolved.values.includes(value)) ? undefined : bad(`one of ${resolved.values?.join(', ') ?? 'its values'}`);
    case 'string':
      return typeof value === 'string' ? undefined : bad('a string');
    case 'date':
      return typeof value === 'string' && parseCalendarDate(value) === value ? undefined : bad('a date "YYYY-MM-DD"');
    case 'money':
    case 'number':
    case 'ratio': {
      const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined;
      return text !== undefined && typeof parseDecimalText(text) !== 'string' ? undefined : bad('a decimal number');
    }
    default:
      return `"${fact}" is a ${resolved.type}; a default can be given only for a yes/no, choice, text, date or number fact`;
  }
}
