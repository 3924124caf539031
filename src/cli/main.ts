import { onStdoutError } from './io.js';
import { runCli } from './program.js';

/**
 * The CLI's entry (the bundle's, scripts/bundle.mjs): runs the program on the process's arguments
 * and makes its result the exit code. The program itself (program.ts) never touches the process's
 * exit code, so that tests run it in-process. The bundle is CommonJS, which has no top-level
 * await: hence the `then`.
 */
process.stdout.on('error', onStdoutError);

void runCli(process.argv).then((code) => {
  process.exitCode = code;
});
