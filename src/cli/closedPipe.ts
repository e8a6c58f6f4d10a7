// `npm run lesson -- --list | head`: once the reader has gone, writes to stdout fail with EPIPE,
// which Node raises as an unhandled 'error' event: a stack trace. Like other Unix tools, let the
// output go quietly; the command still ends with its own exit code.

/** Call once in a CLI's entry point. */
export function ignoreClosedStdout(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
}
