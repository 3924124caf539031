import { z } from 'zod';
import { parseCalendarDate, PolicyCalcError, todayIn } from '../engine/index.js';
import { DIFF_FORMATS } from '../batch/diff.js';
import { FORMATS } from '../batch/formats.js';
import { failOn } from '../batch/gates.js';
import { jobs } from '../batch/options.js';
import { DEFAULT_RULES_DIR } from './io.js';

/**
 * Every command option, declared once: its flags and help text (for commander, program.ts) beside
 * its zod schema (for the command, which validates what commander parsed), so that the same option
 * reads and behaves the same in every command. Each command picks its options from this table
 * (COMMAND_OPTIONS); an option that means something else in one command (`-o` of init writes a
 * profile, of report a report or a folder) is an entry of its own.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const year = () =>
  z
    .string()
    .regex(/^\d{4}$/, '--year must be a four-digit year, e.g. 2017')
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, '--year must be between 2000 and 2100')
    .optional();

/** A calendar date option (--as-of, --date): a real YYYY-MM-DD day, or the option's name and why not. */
const calendarDate = (flag: string) =>
  z.string().superRefine((s, ctx) => {
    const r = parseCalendarDate(s);
    if (r !== s) ctx.addIssue({ code: 'custom', message: `${flag} "${s}" ${r}` });
  });

const text = () => z.string().min(1).optional();
const flag = () => z.boolean().default(false);
/** A format option's choices (commander refuses any other value first; the message is for direct callers). */
const format = <const T extends readonly [string, ...string[]]>(choices: T, error?: string) => z.enum(choices, error ? { error } : undefined);

export interface OptionEntry {
  /** The property commander gives the value under, and the schema's key. */
  name: string;
  flags: string;
  help: string;
  /** Built when a command asks for it (commandSchema): start-up builds none. */
  schema: () => z.ZodType;
  choices?: readonly string[];
  /** Shown in the help as commander's "(default: ...)". */
  default?: string | string[];
  /** Repeatable: each use adds a value. */
  repeatable?: true;
}

const entries = <const T extends Record<string, OptionEntry>>(t: T) => t;

export const OPTIONS = entries({
  // Shared by the evaluating commands.
  rules: { name: 'rules', flags: '-r, --rules <dir>', help: 'rule directory to use (default: the rules shipped with policy-calc)', schema: () => z.string().min(1).default(DEFAULT_RULES_DIR) },
  year: { name: 'year', flags: '-y, --year <YYYY>', help: 'fiscal year for the yearly policies (default: the latest year in each profile)', schema: year },
  yearOrAll: {
    name: 'year',
    flags: '-y, --year <YYYY>',
    help: 'fiscal year for the yearly policies (default: the latest year in each profile); all: every year, year by year',
    // `all` is taken by the command before the options are validated.
    schema: year,
  },
  asOf: {
    name: 'asOf',
    flags: '--as-of <YYYY-MM-DD>',
    help: 'date of the evaluation, which decides whether a window is still open (default: today in Chongqing (Asia/Shanghai), whatever the local time zone)',
    schema: () => calendarDate('--as-of').optional().transform((s) => s ?? todayIn()),
  },
  lang: { name: 'lang', flags: '-l, --lang <lang>', help: 'language of the output and messages (default: from LANG)', schema: () => z.enum(LANGS, { error: '--lang must be zh or en' }).optional(), choices: LANGS },
  output: { name: 'output', flags: '-o, --output <file>', help: 'write the output to this file, complete or not at all, instead of stdout', schema: text },
  noColor: { name: 'color', flags: '--no-color', help: 'plain text without colors (NO_COLOR does the same)', schema: () => z.boolean().default(true) },
  jobs: { name: 'jobs', flags: '-j, --jobs <n>', help: 'threads that evaluate: this one and n-1 workers, for inputs of 16,000 profiles or more (default: the number of cores)', schema: jobs },
  force: { name: 'force', flags: '--force', help: 'replace the output file if it exists', schema: flag },
  // Output formats: the same flag, the choices of each command.
  tableFormat: { name: 'format', flags: '-f, --format <format>', help: 'output format', schema: () => format(['table', 'json']).default('table'), choices: ['table', 'json'], default: 'table' },
  textFormat: { name: 'format', flags: '-f, --format <format>', help: 'output format', schema: () => format(['text', 'json']).default('text'), choices: ['text', 'json'], default: 'text' },
  // check
  explain: { name: 'explain', flags: '-e, --explain', help: 'show, for each policy, the checks with the values found and needed, the figures and the article', schema: flag },
  // rules lint, rules test
  source: { name: 'source', flags: '--source <file>', help: "source document to check citations against (default: the manifest's document.file in <dir>/source/ or ../shared/policy/)", schema: text },
  testReporter: { name: 'reporter', flags: '--reporter <reporter>', help: 'report format', schema: () => z.enum(['text', 'junit']).default('text'), choices: ['text', 'junit'], default: 'text' },
  junitOutput: { name: 'output', flags: '-o, --output <file>', help: 'with --reporter junit: write the XML here (the text report then goes to stdout)', schema: text },
  // init, ask
  profileOutput: { name: 'output', flags: '-o, --output <file>', help: 'profile file to write (default: stdout)', schema: text },
  example: { name: 'example', flags: '--example <name>', help: 'copy a bundled example profile instead (an unknown name lists them)', schema: () => z.string().optional() },
  askOutput: { name: 'output', flags: '-o, --output <file>', help: 'where to save the profile (default: the profile given)', schema: text },
  // report
  reportOutput: {
    name: 'output',
    flags: '-o, --output <path>',
    help: 'report file (.html, .md or .pdf); for a folder or .ndjson input, the output folder (default: stdout)',
    schema: () => z.string().min(1, '-o needs a file or folder name').optional(),
  },
  reportFormat: {
    name: 'format',
    flags: '-f, --format <format>',
    help: 'report format (default: from the -o extension; html for batches); pdf is printed by the system Chromium (CHROMIUM_PATH or chromium on PATH)',
    schema: () => format(['html', 'markdown', 'pdf'], '--format must be html, markdown or pdf').optional(),
    choices: ['html', 'markdown', 'pdf'],
  },
  detail: {
    name: 'detail',
    flags: '--detail <level>',
    help: 'brief: summary, next steps, the policies that pay, one table of the rest (default); full: every policy in full',
    schema: () => z.enum(['brief', 'full'], { error: '--detail must be brief or full' }).optional(),
    choices: ['brief', 'full'],
  },
  preparedBy: { name: 'preparedBy', flags: '--prepared-by <name>', help: "the consultant's name, printed on the report", schema: () => z.string().max(200, '--prepared-by is at most 200 characters').optional() },
  date: { name: 'date', flags: '--date <YYYY-MM-DD>', help: 'report date printed on the report (default: the as-of date, so the same run gives the same file)', schema: () => calendarDate('--date').optional() },
  // batch
  batchFormat: {
    name: 'format',
    flags: '-f, --format <format>',
    help: 'ndjson: one result per line; csv: one row per enterprise; json: a summary; xlsx: a results workbook (needs -o)',
    schema: () => format(FORMATS, `--format must be ${FORMATS.join(', ')}`).default('ndjson'),
    choices: FORMATS,
    default: 'ndjson',
  },
  full: { name: 'full', flags: '--full', help: 'ndjson: each line the whole check result (default: input, enterprise, evaluation, per policy status, amount, missing; totals)', schema: flag },
  compact: { name: 'compact', flags: '--compact', help: 'with --full: without the prose every line would repeat (summaries, grants, readings, citation texts)', schema: flag },
  failOn: {
    name: 'failOn',
    flags: '--fail-on <gate>',
    help: "exit 1 when an enterprise has a policy in this status: needs-info, ineligible, or one policy's: P10:needs-info, P09:ineligible (repeatable or comma-separated); stderr names the enterprises",
    schema: failOn,
    default: [],
    repeatable: true,
  },
  batchReporter: {
    name: 'reporter',
    flags: '--reporter <reporter>',
    help: 'junit: a JUnit XML report, a testcase per enterprise, a failure where a --fail-on gate trips',
    schema: () => z.enum(['text', 'junit'], { error: '--reporter must be text or junit' }).default('text'),
    choices: ['text', 'junit'],
    default: 'text',
  },
  // convert
  convertOutput: { name: 'output', flags: '-o, --output <file>', help: 'clients.xlsx for a workbook, clients.ndjson for one profile per line (default: NDJSON on stdout)', schema: text },
  convertFormat: { name: 'format', flags: '-f, --format <format>', help: 'output format (default: from the -o extension)', schema: () => format(['xlsx', 'ndjson'], '--format must be xlsx or ndjson').optional(), choices: ['xlsx', 'ndjson'] },
  // diff
  ruleDirs: { name: 'rules', flags: '-r, --rules <dir>', help: 'a rule directory; give it twice: the old, then the new', schema: () => z.array(z.string().min(1)).default([]), default: [], repeatable: true },
  old: { name: 'old', flags: '--old <dir>', help: 'the old rule directory (instead of the first --rules)', schema: text },
  new: { name: 'new', flags: '--new <dir>', help: 'the new rule directory (instead of the second --rules)', schema: text },
  diffFormat: { name: 'format', flags: '-f, --format <format>', help: 'text: a block per changed enterprise; json: one document', schema: () => format(DIFF_FORMATS, '--format must be text or json').default('text'), choices: DIFF_FORMATS, default: 'text' },
  exitCode: { name: 'exitCode', flags: '--exit-code', help: 'exit 1 when any enterprise changes (as git diff --exit-code does)', schema: flag },
});

export type OptionKey = keyof typeof OPTIONS;

/** Each command's options, in the order its help lists them. */
export const COMMAND_OPTIONS = {
  check: ['yearOrAll', 'asOf', 'tableFormat', 'explain', 'lang', 'rules', 'output', 'noColor'],
  'rules lint': ['textFormat', 'source', 'noColor'],
  'rules list': ['rules', 'tableFormat', 'lang'],
  'rules show': ['rules', 'textFormat', 'lang'],
  'rules test': ['testReporter', 'junitOutput', 'noColor'],
  init: ['profileOutput', 'example', 'force', 'lang'],
  ask: ['askOutput', 'force', 'lang', 'year', 'asOf', 'rules'],
  validate: ['textFormat', 'lang'],
  report: ['reportOutput', 'reportFormat', 'detail', 'lang', 'year', 'asOf', 'rules', 'preparedBy', 'date'],
  batch: ['yearOrAll', 'asOf', 'batchFormat', 'full', 'compact', 'jobs', 'failOn', 'batchReporter', 'output', 'lang', 'rules'],
  convert: ['convertOutput', 'convertFormat', 'lang'],
  diff: ['ruleDirs', 'old', 'new', 'year', 'asOf', 'diffFormat', 'jobs', 'exitCode', 'output', 'lang'],
} as const satisfies Record<string, readonly OptionKey[]>;

export type CommandName = keyof typeof COMMAND_OPTIONS;
type Shape<K extends OptionKey> = { [P in K as (typeof OPTIONS)[P]['name']]: ReturnType<(typeof OPTIONS)[P]['schema']> };
type KeysOf<C extends CommandName> = (typeof COMMAND_OPTIONS)[C][number];

/** The zod schema of a command's options: one key per option, under the name commander gives it. */
export function commandSchema<C extends CommandName>(command: C): z.ZodObject<Shape<KeysOf<C>>> {
  const keys: readonly OptionKey[] = COMMAND_OPTIONS[command];
  return z.object(Object.fromEntries(keys.map((k) => [OPTIONS[k].name, OPTIONS[k].schema()]))) as unknown as z.ZodObject<Shape<KeysOf<C>>>;
}

export function parseOptions<T extends z.ZodType>(schema: T, raw: unknown): z.infer<T> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    throw new PolicyCalcError('USAGE', r.error.issues.map((i) => ({ message: i.message })));
  }
  return r.data;
}

/** An option's value as its schema gives it, when the value is plainly valid; undefined for anything else. */
type Plain = (v: unknown) => { value: unknown } | undefined;
const given = (v: unknown) => ({ value: v });
const absent = (dflt?: unknown) => ({ value: dflt });
const choice = (choices: readonly string[], dflt?: string): Plain => (v) => (v === undefined ? absent(dflt) : typeof v === 'string' && choices.includes(v) ? given(v) : undefined);
const plainText = (max = Infinity, dflt?: string): Plain => (v) => (v === undefined ? absent(dflt) : typeof v === 'string' && v.length >= 1 && v.length <= max ? given(v) : undefined);
const plainFlag = (dflt: boolean): Plain => (v) => (v === undefined ? absent(dflt) : typeof v === 'boolean' ? given(v) : undefined);
const plainYear: Plain = (v) => (v === undefined ? absent() : typeof v === 'string' && /^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2100 ? given(Number(v)) : undefined);
const plainDate = (dflt?: () => string): Plain => (v) => (v === undefined ? absent(dflt?.()) : typeof v === 'string' && parseCalendarDate(v) === v ? given(v) : undefined);

/**
 * The options most runs give (check, report, rules list), read without zod: each gives exactly
 * what its schema would for the values it accepts, and refuses the rest, which zod then reads
 * and words. Building and running the schemas costs a short run more than a millisecond.
 */
const PLAIN: Partial<Record<OptionKey, Plain>> = {
  rules: plainText(Infinity, DEFAULT_RULES_DIR),
  year: plainYear,
  yearOrAll: plainYear,
  asOf: plainDate(() => todayIn()),
  lang: choice(LANGS),
  output: plainText(),
  noColor: plainFlag(true),
  tableFormat: choice(['table', 'json'], 'table'),
  textFormat: choice(['text', 'json'], 'text'),
  explain: plainFlag(false),
  reportOutput: plainText(),
  reportFormat: choice(['html', 'markdown', 'pdf']),
  detail: choice(['brief', 'full']),
  preparedBy: (v) => (v === undefined ? absent() : typeof v === 'string' && v.length <= 200 ? given(v) : undefined),
  date: plainDate(),
};

export function plainOptions(command: CommandName, raw: unknown): Record<string, unknown> | undefined {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of COMMAND_OPTIONS[command] as readonly OptionKey[]) {
    const name = OPTIONS[key].name;
    const r = PLAIN[key]?.((raw as Record<string, unknown>)[name]);
    if (!r) return undefined;
    if (r.value !== undefined) out[name] = r.value;
  }
  return out;
}

/** A command's options, validated: `parseOptions(commandSchema(command), raw)`, without zod where the values are plainly valid. */
export const commandOptions = <C extends CommandName>(command: C, raw: unknown): z.infer<z.ZodObject<Shape<KeysOf<C>>>> =>
  (plainOptions(command, raw) as z.infer<z.ZodObject<Shape<KeysOf<C>>>> | undefined) ?? parseOptions(commandSchema(command), raw);

/** Chinese where the user's locale is Chinese, English otherwise. */
export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
