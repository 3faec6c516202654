/**
 * The end of a long-running command (node, serve, start): Ctrl-C or a supervisor's SIGTERM.
 *
 * Call it BEFORE saying "listening": the handlers are installed when it is called. Node installs
 * a signal's OS handler only with its first listener, so a SIGTERM sent by a supervisor that read
 * the line — before the listener existed — killed the process by the default action, leaving
 * the block log's LOCK behind (seen in the node test under load: the next start said
 * `log_lock_taken_over`).
 */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
