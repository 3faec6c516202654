/**
 * Warnings: what opening, importing or repairing a data directory did or found that deserves a
 * look but did not stop it (a coded line, never a stack trace). Commands print them on stderr;
 * programs and tests pass their own sink.
 */
export interface ChainWarning {
  readonly code: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type WarningSink = (warning: ChainWarning) => void;

/** The default sink: one line per warning on stderr (stdout stays the command's output). */
export const warnOnStderr: WarningSink = (warning) => {
  process.stderr.write(`warning [${warning.code}]: ${warning.message}\n`);
};
