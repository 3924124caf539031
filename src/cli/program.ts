import { Command, CommanderError, Option } from 'commander';
import { escapeControls, formatIssue, isPolicyCalcError } from '../engine/index.js';
import { EXIT, ExitError } from './exit.js';
import { COMMAND_OPTIONS, OPTIONS, type CommandName, type OptionEntry } from './options.js';
import { packageVersion } from './version.js';

/** Each line of a multi-line text escaped; the line breaks themselves kept. */
const escapeLines = (text: string) => text.split('\n').map(escapeControls).join('\n');

/**
 * The CLI is a thin adapter: each command parses its options, calls the engine, and renders.
 * Commands are imported when they run, so `check` does not pay for what `batch` needs. Their
 * options come from the table in options.ts. This file is the one exit point: every error, and a
 * command's ExitError, ends here and becomes an exit code.
 */

/** Repeatable options collect their values. */
const collect = (value: string, previous: string[]) => [...previous, value];

/** The command's options of the table, in its order. */
function withOptions(command: Command, name: CommandName): Command {
  for (const key of COMMAND_OPTIONS[name]) {
    const entry: OptionEntry = OPTIONS[key];
    const option = new Option(entry.flags, entry.help);
    if (entry.choices) option.choices(entry.choices);
    if (entry.repeatable) option.argParser(collect);
    if (entry.default !== undefined) option.default(entry.default);
    command.addOption(option);
  }
  return command;
}

function program(): Command {
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

  withOptions(p.command('check'), 'check')
    .description('evaluate one enterprise profile (JSON) against every policy')
    .argument('<profile>', 'profile JSON file, or - to read it from stdin')
    .addHelpText(
      'after',
      '\nExit codes: 0 evaluated; 2 usage error, unreadable or invalid profile, or invalid rules.\n' +
        'Examples:\n  policy-calc check fixtures/cloud-sme.json\n  policy-calc check company.json --year 2017 --as-of 2018-06-30 --explain\n  cat company.json | policy-calc check - --format json',
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const { runCheck } = await import('../commands/check.js');
      await runCheck(file, opts);
    });

  // Rule tooling: lint, list, show and test rule sets; the profile's JSON Schema; validate profiles.
  const rules = p.command('rules').description('inspect, check and test rule sets (lint, list, show, test)');
  withOptions(rules.command('lint'), 'rules lint')
    .description('check a rule set: what the loader refuses, citations against the source document, parameter gaps, unused parameters')
    .argument('[dir]', 'rule directory (default: the rules shipped with policy-calc)')
    .addHelpText('after', '\nExit codes: 0 no errors (warnings allowed); 2 errors found, or the rules cannot be read.')
    .action(async (dir: string | undefined, opts: Record<string, unknown>) => {
      const { runRulesLint } = await import('../commands/rules-lint.js');
      await runRulesLint(dir, opts);
    });
  withOptions(rules.command('list'), 'rules list')
    .description('list the policies of a rule set: id, title, nature, quantified or not')
    .action(async (opts: Record<string, unknown>) => {
      const { runRulesList } = await import('../commands/rules-list.js');
      await runRulesList(opts);
    });
  withOptions(rules.command('show'), 'rules show')
    .description('show one policy: its checks, figures, parameters with their dated values and sources, citation')
    .argument('<id>', 'policy id, e.g. P12 (or the article number, 12)')
    .action(async (id: string, opts: Record<string, unknown>) => {
      const { runRulesShow } = await import('../commands/rules-show.js');
      await runRulesShow(id, opts);
    });
  withOptions(rules.command('test'), 'rules test')
    .description('run the YAML test cases in <dir>/tests against the rule set in <dir>')
    .argument('[dir]', 'rule directory (default: the rules shipped with policy-calc)')
    .addHelpText('after', '\nExit codes: 0 all cases pass; 1 some case failed; 2 malformed test files or invalid rules.')
    .action(async (dir: string | undefined, opts: Record<string, unknown>) => {
      const { runRulesTest } = await import('../commands/rules-test.js');
      await runRulesTest(dir, opts);
    });

  p.command('schema')
    .description('print the JSON Schema (draft 2020-12) of the enterprise profile, for editors and validators')
    .action(async () => {
      const { runSchema } = await import('../commands/schema.js');
      await runSchema();
    });
  withOptions(p.command('init'), 'init')
    .description('write a starting profile to fill in (placeholders that check refuses until replaced), or a bundled example')
    .addHelpText('after', '\nExit codes: 0 written; 2 usage error, or the file exists (without --force).\nExamples:\n  policy-calc init -o company.json\n  policy-calc init --example cloud-sme -o company.json')
    .action(async (opts: Record<string, unknown>) => {
      const { runInit } = await import('../commands/init.js');
      await runInit(opts);
    });
  withOptions(p.command('ask'), 'ask')
    .description('fill in a profile by answering questions in the terminal, the most decisive first; shows what each answer changes')
    .argument('[profile]', 'profile to complete (created when it does not exist; default: a new company.json)')
    .addHelpText(
      'after',
      '\n"Don\'t know" leaves a fact out and it is not asked again; "Stop and save" saves what was answered;\n' +
        'Ctrl-C asks whether to save (a second Ctrl-C: nothing is saved). Needs a terminal.\n' +
        'Exit codes: 0 saved; 2 no terminal, usage error or an invalid profile; 130 interrupted, nothing saved.\n' +
        'Examples:\n  policy-calc init -o company.json && policy-calc ask company.json\n  policy-calc ask company.json --lang zh',
    )
    .action(async (file: string | undefined, opts: Record<string, unknown>) => {
      const { runAsk } = await import('../commands/ask.js');
      await runAsk(file, opts);
    });
  withOptions(p.command('validate'), 'validate')
    .description('check profiles without evaluating them: "ok" or each problem with file, line and path')
    .argument('<inputs...>', 'what batch reads: profile files, folders, NDJSON files (.ndjson, .jsonl), workbooks (.xlsx), or - for stdin')
    .addHelpText('after', '\nExit codes: 0 every profile is valid; 2 some profile is invalid or unreadable, or the inputs hold none.')
    .action(async (files: string[], opts: Record<string, unknown>) => {
      const { runValidate } = await import('../commands/validate.js');
      await runValidate(files, opts);
    });

  withOptions(p.command('report'), 'report')
    .description('write a consultant report (HTML, Markdown or PDF): what the enterprise qualifies for, how much, why, on which article, what is still needed')
    .argument('<profile>', 'profile JSON file (- for stdin), or a folder of profiles or an .ndjson file for one report each plus an index')
    .addHelpText(
      'after',
      '\nExit codes: 0 written; 1 batch written but some profiles were invalid (listed in the index); 2 usage error, unreadable or invalid input, or invalid rules.\n' +
        'Examples:\n  policy-calc report fixtures/cloud-sme.json -o report.html --lang zh --prepared-by 张三 --as-of 2018-06-30\n' +
        '  policy-calc report fixtures/cloud-sme.json -o report.pdf --lang zh\n' +
        '  policy-calc report company.json --format markdown > report.md\n  policy-calc report fixtures/ -o out/ --lang en',
    )
    .action(async (file: string, opts: Record<string, unknown>) => {
      const { runReport } = await import('../commands/report.js');
      await runReport(file, opts);
    });

  withOptions(p.command('batch'), 'batch')
    .description('evaluate many profiles; one result per line, in input order')
    .argument('<inputs...>', 'profile files, folders (every *.json below them), NDJSON files (.ndjson, .jsonl), or - for NDJSON on stdin')
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
      await runBatch(inputs, opts);
    });

  withOptions(p.command('convert'), 'convert')
    .description('convert profiles: to a workbook (one sheet of enterprises, sheets of fiscal years, tax payments, land, utilities) or back to NDJSON')
    .argument('<inputs...>', 'profile files, folders, NDJSON files, workbooks (.xlsx), or - for NDJSON on stdin')
    .addHelpText(
      'after',
      '\nMoney and dates are text cells holding their exact value; the round trip gives the same profiles.\n' +
        'Exit codes: 0 written; 2 usage error, an invalid or unreadable profile (nothing is written), or no profiles.\n' +
        'Examples:\n  policy-calc convert fixtures/cloud-sme.json fixtures/regional-hq.json -o clients.xlsx\n  policy-calc convert clients.xlsx -o clients.ndjson',
    )
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      const { runConvert } = await import('../commands/convert.js');
      await runConvert(inputs, opts);
    });

  withOptions(p.command('diff'), 'diff')
    .description('list the enterprises whose status or amount changes between two rule sets')
    .argument('<inputs...>', 'profile files, folders, NDJSON files, or - for NDJSON on stdin')
    .addHelpText(
      'after',
      '\nExit codes: 0 compared (with --exit-code: and nothing changed); 1 some inputs invalid, or with --exit-code something changed;\n' +
        '2 usage error, no profiles in the inputs, or invalid rules.\n' +
        'Example:\n  policy-calc diff --rules rules --rules my-rules clients/ --as-of 2018-06-30',
    )
    .action(async (inputs: string[], opts: Record<string, unknown>) => {
      const { runDiff } = await import('../commands/diff.js');
      await runDiff(inputs, opts);
    });

  return p;
}

/**
 * Runs the program on `argv` (as process.argv: node, script, then the arguments) and returns the
 * exit code; it never sets process.exitCode itself, so that tests can run it in-process.
 */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv);
    return EXIT.ok;
  } catch (e) {
    return report(e);
  }
}

function report(e: unknown): number {
  if (e instanceof ExitError) return e.exitCode;
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
