import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compileRuleSet, escapeControlsDeep, PolicyCalcError, readRuleSource, readRuleTests, runRuleTest, type RuleTestCase } from '../engine/index.js';
import { DEFAULT_RULES_DIR, writeFileAtomic, writeOut } from '../cli/io.js';
import { colorWanted } from '../cli/color.js';
import { EXIT, exitWith } from '../cli/exit.js';
import { commandSchema, parseOptions } from '../cli/options.js';
import { shownPath } from '../cli/paths.js';
import { renderJunit, renderTestText, type TimedResult } from '../render/test-report.js';

const testOptions = commandSchema('rules test').refine((o) => !o.output || o.reporter === 'junit', { message: '--output is for --reporter junit' });

const stem = (file: string) => basename(file).replace(/\.ya?ml$/, '');

/**
 * The policy file a case tests: the one named like the test file, else the one policy the case
 * expects something of; else the test file's own name.
 */
function classnameOf(c: RuleTestCase, policyFiles: Map<string, string>): string {
  const own = stem(c.file);
  if ([...policyFiles.values()].includes(own)) return own;
  const ids = Object.keys(c.expect).filter((k) => policyFiles.has(k));
  return ids.length === 1 ? policyFiles.get(ids[0]!)! : own;
}

/** `policy-calc rules test [DIR]`: exit 0 all pass, 1 some fail, 2 malformed tests or invalid rules. */
export async function runRulesTest(dirArg: string | undefined, raw: Record<string, unknown>): Promise<void> {
  const o = parseOptions(testOptions, raw);
  const dir = dirArg ?? DEFAULT_RULES_DIR;
  const source = readRuleSource(dir);
  const rules = compileRuleSet(source);
  const policyFiles = new Map(source.policies.map((p) => [p.def.id, stem(p.file)]));
  const testsDir = join(dir, 'tests');
  const cases = readRuleTests(testsDir);
  if (!cases.length) throw new PolicyCalcError('RULES_UNREADABLE', [{ file: testsDir, message: 'no test cases here (expected *.yaml files with `cases:`)' }]);

  const results: TimedResult[] = cases.map((c) => {
    const start = performance.now();
    const r = runRuleTest(rules, c);
    return { ...r, seconds: (performance.now() - start) / 1000, classname: classnameOf(c, policyFiles), shownFile: shownPath(c.file) };
  });
  // The text report goes to stdout, with --reporter junit -o too.
  const color = colorWanted(o.color);
  if (o.reporter === 'junit') {
    const xml = renderJunit(results);
    if (o.output) {
      writeFileAtomic(o.output, xml, 'the JUnit report');
      writeOut(renderTestText(escapeControlsDeep(results), color));
    } else {
      writeOut(xml);
    }
  } else {
    writeOut(renderTestText(escapeControlsDeep(results), color));
  }
  exitWith(results.every((r) => !r.error && r.failures.length === 0) ? EXIT.ok : EXIT.findings);
}
