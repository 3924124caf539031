import { z } from 'zod';
import { parseCalendarDate, PolicyCalcError, todayIn } from '../engine/index.js';
import { DEFAULT_RULES_DIR } from './io.js';

/**
 * Command options are validated with zod after commander has parsed them, so every command
 * gets typed, checked values and the same messages for the same mistakes.
 */
const year = z
  .string()
  .regex(/^\d{4}$/, '--year must be a four-digit year, e.g. 2017')
  .transform(Number)
  .refine((y) => y >= 2000 && y <= 2100, '--year must be between 2000 and 2100');

const asOf = z.string().superRefine((s, ctx) => {
  const r = parseCalendarDate(s);
  if (r !== s) ctx.addIssue({ code: 'custom', message: `--as-of "${s}" ${r}` });
});

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const evaluationOptions = z.object({
  year: year.optional(),
  asOf: asOf.optional().transform((s) => s ?? todayIn()),
  rules: z.string().min(1).default(DEFAULT_RULES_DIR),
  lang: z.enum(LANGS, { error: '--lang must be zh or en' }).optional(),
});

export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    throw new PolicyCalcError('USAGE', r.error.issues.map((i) => ({ message: i.message })));
  }
  return r.data;
}

/** Chinese where the user's locale is Chinese, English otherwise. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
