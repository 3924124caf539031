import { readFileSync } from 'node:fs';

/**
 * The version of the installed policy-calc, from its own package.json. Not
 * `$npm_package_version`: inside another project's npm script that is the other project's version.
 * dist/cli and dist/bundle both sit two levels below the package root.
 */
export function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { name?: unknown; version?: unknown };
    return pkg.name === 'policy-calc' && typeof pkg.version === 'string' ? pkg.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
