/**
 * Whether what goes to stdout is coloured, decided in one place for every command: never with
 * --no-color (`flag` false), NO_COLOR set, or output written to a file (-o); otherwise on a
 * terminal, or through a pipe when FORCE_COLOR asks for it (any value but 0 or false, e.g. into
 * `less -R`).
 */
export function colorWanted(
  flag: boolean,
  o: { toFile?: boolean } = {},
  env: NodeJS.ProcessEnv = process.env,
  stdout: { isTTY?: boolean } = process.stdout,
): boolean {
  if (!flag || o.toFile || env.NO_COLOR) return false;
  return stdout.isTTY === true || forceColor(env.FORCE_COLOR);
}

function forceColor(v: string | undefined): boolean {
  return v !== undefined && v !== '' && v !== '0' && v !== 'false';
}
