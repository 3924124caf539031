/**
 * Exit codes, and the error a command throws to end with one: the program's one exit point
 * (runCli, program.ts) turns it into the code. A command that finishes normally exits 0.
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3, interrupted: 130 } as const;

export class ExitError extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
    this.name = 'ExitError';
  }
}

/** Ends the command with `code` unless it is 0: for the batch layer, which returns its exit code. */
export function exitWith(code: number): void {
  if (code !== EXIT.ok) throw new ExitError(code);
}
