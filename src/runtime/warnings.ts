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

/**
 * Warnings already printed by this process (code + message), so each is said once: a command
 * opens the log several times (`verify` three: the hash chain, the replay, the summary), and a
 * read-only open never writes back what it repaired in memory (a rebuilt index), so every open
 * found it again and the operator read the same line three times. Bounded: cleared when full.
 */
const printed = new Set<string>();
const PRINTED_LIMIT = 1_000;

/** The default sink: one line per distinct warning on stderr (stdout stays the command's output). */
export const warnOnStderr: WarningSink = (warning) => {
  const key = `${warning.code}\u0000${warning.message}`;
  if (printed.has(key)) return;
  if (printed.size >= PRINTED_LIMIT) printed.clear();
  printed.add(key);
  process.stderr.write(`warning [${warning.code}]: ${warning.message}\n`);
};
