import { isAbsolute, relative, resolve } from 'node:path';
import { DEFAULT_RULES_DIR } from './io.js';

/** A path as the user would type it: relative to the working directory when it lies below it. */
export function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/**
 * Where a rule set's source document is looked for after `<rules>/source/`: `shared/policy/` next
 * to the repository that holds the rules, and next to the repository of policy-calc itself.
 */
export function sourceDirs(rulesDir: string): string[] {
  const ofRules = resolve(rulesDir, '..', '..', 'shared', 'policy');
  const ofTool = resolve(DEFAULT_RULES_DIR, '..', '..', 'shared', 'policy');
  return [...new Set([ofRules, ofTool])];
}
