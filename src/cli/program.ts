import { Command, CommanderError, Option } from 'commander';
import { escapeControls, formatIssue, isPolicyCalcError } from '../engine/index.js';
import { packageVersion } from './version.js';

/** Each line of a multi-line text escaped; the line breaks themselves kept. */
const escapeLines = (text: string) => text.split('\n').map(escapeControls).join('\n');

/**
 * The CLI is a thin adapter: each command parses its options, calls the engine, and renders.
 * Commands are imported when they run, so `check` does not pay for what `batch` needs. This file
 * is the one exit point: every error ends here and becomes an exit code.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

function program(exit: (code: number) => void): Command {
  const p = new Command('policy-calc')
    .description(
      'Which of the 25 support policies of the 2016 Chongqing opinions on strategic emerging service\n' +
        'industries (渝府办发〔2016〕) apply to an enterprise, how much each is worth, why, and on which article.',
    )
    .version(packageVersion(), '-V, --version')
    .showHelpAfterError('(run with --help for usage)')
    // commander quotes the arguments it refuses: their control characters are shown escaped.
    .configureOutput({ writeErr: (text) => process.stderr.write(escapeLines(text)) })
    .exitOverride();

  p.command('check')
    .description('evaluate one enterprise profile (JSON) against every policy')
    .argument('<profile>', 'profile JSON file, or - to read it from stdin')
    .option('-y, --year <YYYY>', 'fiscal year for the yearly policies (default: the latest year in the profile); all: every year, year by year')
    .option('--as-of <YYYY-MM-DD>', 'date of the evaluation; says whether a window is still open (default: today in Chongqing (Asia/Shanghai), whatever the local time zone)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('-e, --explain', 'show, for each policy, the checks with the values found and needed, the figures and the article')
    .addOption(new Option('-l, --lang <lang>', 'language of labels and messages (default: from LANG)').choices(['zh', 'en']))
    .option('-r, --rules <dir>', 'rule directory to evaluate with (default: the rules shipped with policy-calc)')
    .option('-o, --output <file>', 'write the output to this file (complete or not at all) instead of stdout')
    .option('--no-color', 'plain text without colors (NO_COLOR is respected too)')
    .addHelpText(
      'after',
      '\nExit codes: 0 evaluated; 2 usage error, unreadable or invalid profile, or invalid rules.\n' +
        'Examples:\n  policy-calc check fixtures/cloud-sme.json\n  policy-calc check company.json --year 2017 --as-of 2018-06-30 --explain\n  cat company.json | policy-calc check - --format json',
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const { runCheck } = await import('../commands/check.js');
      exit(await runCheck(file, opts));
    });

  // Rule tooling: lint, list, show and test rule sets; the profile's JSON Schema; validate profiles.
  const rules = p.command('rules').description('inspect, check and test rule sets (lint, list, show, test)');
  rules
    .command('lint')
    .description('check a rule set: what the loader refuses, citations against the source document, parameter gaps, unused parameters')
    .argument('[dir]', 'rule directory (default: the rules shipped with policy-calc)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--source <file>', "source document to check citations against (default: the manifest's document.file in <dir>/source/ or ../shared/policy/)")
    .option('--no-color', 'plain text without colors')
    .addHelpText('after', '\nExit codes: 0 no errors (warnings allowed); 2 errors found, or the rules cannot be read.')
    .action(async (dir: string | undefined, opts: Record<string, unknown>) => {
      const { runRulesLint } = await import('../commands/rules-lint.js');
      exit(await runRulesLint(dir, opts));
    });
  rules
    .command('list')
    .description('list the policies of a rule set: id, title, nature, quantified or not')
    .option('-r, --rules <dir>', 'rule directory (default: the rules shipped with policy-calc)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .addOption(new Option('-l, --lang <lang>', 'language of titles (default: from LANG)').choices(['zh', 'en']))
    .action(async (opts: Record<string, unknown>) => {
      const { runRulesList } = await import('../commands/rules-list.js');
      exit(await runRulesList(opts));
    });
  rules
    .command('show')
    .description('show one policy: its checks, figures, parameters with their dated values and sources, citation')
    .argument('<id>', 'policy id, e.g. P12 (or the article number, 12)')
    .option('-r, --rules <dir>', 'rule directory (default: the rules shipped with policy-calc)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('-l, --lang <lang>', 'language of labels (default: from LANG)').choices(['zh', 'en']))
    .action(async (id: string, opts: Record<string, unknown>) => {
      const { runRulesShow } = await import('../commands/rules-show.js');
      exit(await runRulesShow(id, opts));
    });
  rules
    .command('test')
    .description('run the YAML test cases in <dir>/tests against the rule set in <dir>')
    .argument('[dir]', 'rule directory (default: the rules shipped with policy-calc)')
    .addOption(new Option('--reporter <reporter>', 'report format').choices(['text', 'junit']).default('text'))
    .option('-o, --output <file>', 'with --reporter junit: write the XML here (the text report then goes to stdout)')
    .option('--no-color', 'plain text without colors')
    .addHelpText('after', '\nExit codes: 0 all cases pass; 1 some case failed; 2 malformed test files or invalid rules.')
    .action(async (dir: string | undefined, opts: Record<string, unknown>) => {
      const { runRulesTest } = await import('../commands/rules-test.js');
      exit(await runRulesTest(dir, opts));
    });

  p.command('schema')
    .description('print the JSON Schema (draft 2020-12) of the enterprise profile, for editors and validators')
    .action(async () => {
      const { runSchema } = await import('../commands/schema.js');
      exit(await runSchema());
    });
  p.command('init')
    .description('write a starting profile to fill in (placeholders that check refuses until replaced), or a bundled example')
    .option('-o, --output <file>', 'profile file to write (default: stdout)')
    .option('--example <name>', 'copy a bundled example profile instead (an unknown name lists them)')
    .option('--force', 'replace the output file if it exists')
    .addOption(new Option('-l, --lang <lang>', 'language of the message (default: from LANG)').choices(['zh', 'en']))
    .addHelpText('after', '\nExit codes: 0 written; 2 usage error, or the file exists (without --force).\nExamples:\n  policy-calc init -o company.json\n  policy-calc init --example cloud-sme -o company.json')
    .action(async (opts: Record<string, unknown>) => {
      const { runInit } = await import('../commands/init.js');
      exit(await runInit(opts));
    });
  p.command('ask')
    .description('fill in a profile by answering questions in the terminal, the most decisive first; shows what each answer changes')
    .argument('[profile]', 'profile to complete (created when it does not exist; default: a new company.json)')
    .option('-o, --output <file>', 'where to save the profile (default: the profile given)')
    .option('--force', 'replace the output file if it exists and is not the profile given')
    .addOption(new Option('-l, --lang <lang>', 'language of the questions (default: from LANG)').choices(['zh', 'en']))
    .option('-y, --year <YYYY>', 'fiscal year for the yearly policies (default: the latest year in the profile)')
    .option('--as-of <YYYY-MM-DD>', 'date of the evaluation (default: today)')
    .option('-r, --rules <dir>', 'rule directory to evaluate with (default: the rules shipped with policy-calc)')
    .addHelpText(
      'after',
      '\n"Don\'t know" leaves a fact out and it is not asked again; "Stop and save" saves what was answered;\n' +
        'Ctrl-C asks whether to save (a second Ctrl-C: nothing is saved). Needs a terminal.\n' +
        'Exit codes: 0 saved; 2 no terminal, usage error or an invalid profile; 130 interrupted, nothing saved.\n' +
        'Examples:\n  policy-calc init -o company.json && policy-calc ask company.json\n  policy-calc ask company.json --lang zh',
    )
    .action(async (file: string | undefined, opts: Record<string, unknown>) => {
      const { runAsk } = await import('../commands/ask.js');
      exit(await runAsk(file, opts));
    });
  p.command('validate')
    .description('check profiles without evaluating them: "ok" or each problem with file, line and path')
    .argument('<inputs...>', 'what batch reads: profile files, folders, NDJSON files (.ndjson, .jsonl), workbooks (.xlsx), or - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('-l, --lang <lang>', 'language of messages (default: from LANG)').choices(['zh', 'en']))
    .addHelpText('after', '\nExit codes: 0 every profile is valid; 2 some profile is invalid or unreadable, or the inputs hold none.')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runValidate } = await import('../commands/validate.js');
      exit(await runValidate(files, opts));
    });

  p.command('report')
    .description('write a consultant report (HTML, Markdown or PDF): what the enterprise qualifies for, how much, why, on which article, what is still needed')
    .argument('<profile>', 'profile JSON file (- for stdin), or a folder of profiles or an .ndjson file for one report each plus an index')
    .option('-o, --output <path>', 'report file (.html, .md or .pdf); for a folder or .ndjson input, the output folder (default: stdout)')
    .addOption(new Option('-f, --format <format>', 'report format (default: from the -o extension; html for batches); pdf is printed by the system Chromium (CHROMIUM_PATH or chromium on PATH)').choices(['html', 'markdown', 'pdf']))
    .addOption(new Option('--detail <level>', 'brief: summary, next steps, the policies that pay, one table of the rest (default); full: every policy in full').choices(['brief', 'full']))
    .addOption(new Option('-l, --lang <lang>', 'language of the report (default: from LANG)').choices(['zh', 'en']))
    .option('-y, --year <YYYY>', 'fiscal year for the yearly policies (default: the latest year in the profile)')
    .option('--as-of <YYYY-MM-DD>', 'date of the evaluation (default: today in Chongqing (Asia/Shanghai), whatever the local time zone)')
    .option('-r, --rules <dir>', 'rule directory to evaluate with (default: the rules shipped with policy-calc)')
    .option('--prepared-by <name>', "the consultant's name, printed on the report")
    .option('--date <YYYY-MM-DD>', 'report date printed on the report (default: the as-of date, so the same run gives the same file)')
    .addHelpText(
      'after',
      '\nExit codes: 0 written; 1 batch written but some profiles were invalid (listed in the index); 2 usage error, unreadable or invalid input, or invalid rules.\n' +
        'Examples:\n  policy-calc report fixtures/cloud-sme.json -o report.html --lang zh --prepared-by 张三 --as-of 2018-06-30\n' +
        '  policy-calc report fixtures/cloud-sme.json -o report.pdf --lang zh\n' +
        '  policy-calc report company.json --format markdown > report.md\n  policy-calc report fixtures/ -o out/ --lang en',
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const { runReport } = await import('../commands/report.js');
      exit(await runReport(file, opts));
    });

  // Repeatable options collect their values; kept inline so that starting `check` loads nothing of batch.
  const collect = (value: string, previous: string[]) => [...previous, value];

  p.command('batch')
    .description('evaluate many profiles; one result per line, in input order')
    .argument('<inputs...>', 'profile files, folders (every *.json below them), NDJSON files (.ndjson, .jsonl), or - for NDJSON on stdin')
    .option('-y, --year <YYYY>', 'fiscal year for the yearly policies (default: the latest year in each profile); all: every year (ndjson, csv)')
    .option('--as-of <YYYY-MM-DD>', 'date of the evaluation (default: today in Chongqing (Asia/Shanghai), whatever the local time zone)')
    .addOption(new Option('-f, --format <format>', 'ndjson: one result per line; csv: one row per enterprise; json: a summary; xlsx: a results workbook (needs -o)').choices(['ndjson', 'csv', 'json', 'xlsx']).default('ndjson'))
    .option('--full', 'ndjson: each line the whole check result (default: input, enterprise, evaluation, per policy status, amount, missing; totals)')
    .option('--compact', 'with --full: without the prose every line would repeat (summaries, grants, readings, citation texts)')
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores); 1 evaluates in this thread')
    .option('--fail-on <gate>', 'exit 1 when an enterprise has a policy in this status: needs-info, ineligible, or one policy\'s: P10:needs-info, P09:ineligible (repeatable or comma-separated); stderr names the enterprises', collect, [])
    .addOption(new Option('--reporter <reporter>', 'junit: a JUnit XML report, a testcase per enterprise, a failure where a --fail-on gate trips').choices(['text', 'junit']).default('text'))
    .option('-o, --output <file>', 'write the results (with --reporter junit: the XML report) to this file, complete or not at all')
    .addOption(new Option('-l, --lang <lang>', 'language of messages (default: from LANG)').choices(['zh', 'en']))
    .option('-r, --rules <dir>', 'rule directory to evaluate with (default: the rules shipped with policy-calc)')
    .addHelpText(
      'after',
      '\nAn invalid profile does not stop the batch: its line carries the error, stderr counts the invalid\n' +
        'inputs by reason, and the exit code is 1. A progress bar is shown on a terminal (not in CI).\n' +
        'With --reporter junit -o FILE the XML goes to FILE and the results to stdout; without -o, stdout has the XML only.\n' +
        'Exit codes: 0 evaluated; 1 some inputs invalid or a --fail-on gate tripped; 2 usage error, no profiles in the inputs, or invalid rules.\n' +
        'Examples:\n  policy-calc batch clients/ --as-of 2018-06-30 > results.ndjson\n  policy-calc batch register.ndjson --format csv > register.csv\n' +
        '  cat register.ndjson | policy-calc batch - --format json --fail-on needs-info\n' +
        '  policy-calc batch fixtures/cloud-sme.json --fail-on P10:needs-info,P09:ineligible --reporter junit -o gates.xml',
    )
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      const { runBatch } = await import('../commands/batch.js');
      exit(await runBatch(inputs, opts));
    });

  p.command('convert')
    .description('convert profiles: to a workbook (one sheet of enterprises, sheets of fiscal years, tax payments, land, utilities) or back to NDJSON')
    .argument('<inputs...>', 'profile files, folders, NDJSON files, workbooks (.xlsx), or - for NDJSON on stdin')
    .option('-o, --output <file>', 'clients.xlsx for a workbook, clients.ndjson for one profile per line (default: NDJSON on stdout)')
    .addOption(new Option('-f, --format <format>', 'output format (default: from the -o extension)').choices(['xlsx', 'ndjson']))
    .addOption(new Option('-l, --lang <lang>', 'language of messages (default: from LANG)').choices(['zh', 'en']))
    .addHelpText(
      'after',
      '\nMoney and dates are text cells holding their exact value; the round trip gives the same profiles.\n' +
        'Exit codes: 0 written; 2 usage error, an invalid or unreadable profile (nothing is written), or no profiles.\n' +
        'Examples:\n  policy-calc convert fixtures/cloud-sme.json fixtures/regional-hq.json -o clients.xlsx\n  policy-calc convert clients.xlsx -o clients.ndjson',
    )
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      const { runConvert } = await import('../commands/convert.js');
      exit(await runConvert(inputs, opts));
    });

  p.command('diff')
    .description('list the enterprises whose status or amount changes between two rule sets')
    .argument('<inputs...>', 'profile files, folders, NDJSON files, or - for NDJSON on stdin')
    .option('-r, --rules <dir>', 'a rule directory; give it twice: the old, then the new', collect, [])
    .option('--old <dir>', 'the old rule directory (instead of the first --rules)')
    .option('--new <dir>', 'the new rule directory (instead of the second --rules)')
    .option('-y, --year <YYYY>', 'fiscal year for the yearly policies (default: the latest year in each profile)')
    .option('--as-of <YYYY-MM-DD>', 'date of the evaluation (default: today in Chongqing (Asia/Shanghai), whatever the local time zone)')
    .addOption(new Option('-f, --format <format>', 'text: a block per changed enterprise; json: one document').choices(['text', 'json']).default('text'))
    .option('-j, --jobs <n>', 'worker threads (default: the number of cores)')
    .option('--exit-code', 'exit 1 when any enterprise changes (as git diff --exit-code does)')
    .option('-o, --output <file>', 'write the comparison to this file, complete or not at all')
    .addOption(new Option('-l, --lang <lang>', 'language of messages (default: from LANG)').choices(['zh', 'en']))
    .addHelpText(
      'after',
      '\nExit codes: 0 compared (with --exit-code: and nothing changed); 1 some inputs invalid, or with --exit-code something changed;\n' +
        '2 usage error, no profiles in the inputs, or invalid rules.\n' +
        'Example:\n  policy-calc diff --rules rules --rules my-rules clients/ --as-of 2018-06-30',
    )
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      const { runDiff } = await import('../commands/diff.js');
      exit(await runDiff(inputs, opts));
    });

  return p;
}

/**
 * Runs the program on `argv` (as process.argv: node, script, then the arguments) and returns the
 * exit code; it never sets process.exitCode itself, so that tests can run it in-process.
 */
export async function runCli(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  try {
    await program((c) => (code = c)).parseAsync(argv);
  } catch (e) {
    code = report(e);
  }
  return code;
}

function report(e: unknown): number {
  if (e instanceof CommanderError) {
    // Help and version are not errors; commander has already printed them.
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (isPolicyCalcError(e)) {
    for (const issue of e.issues) process.stderr.write(`policy-calc: ${formatIssue(issue)}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`policy-calc: internal error, please report it with the input that caused it\n${(e as Error)?.stack ?? String(e)}\n`);
  return EXIT.internal;
}
