/**
 * Confirmation of what cannot be undone (`rollback`): on a terminal the person types a word back
 * (the height kept, say — a "y" is typed by reflex); anywhere else the command must say `--yes`,
 * so a script or a careless paste never removes acknowledged blocks by default.
 */
import { createInterface } from 'node:readline/promises';
import { CliError } from './output.js';

/** Whether a person can be asked: stdin and stderr (where the question goes) are terminals. */
function canAsk(): boolean {
  return process.stdin.isTTY === true && process.stderr.isTTY === true;
}

/**
 * Ask on stderr for `expected` typed back. Throws `not_confirmed` (exit 1, nothing changed) on
 * any other answer, or when stdin ends first.
 */
async function confirmByTyping(question: string, expected: string): Promise<void> {
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  const closed = new Promise<undefined>((resolve) => prompt.once('close', () => resolve(undefined)));
  try {
    const answer = await Promise.race([prompt.question(`${question}\ntype ${expected} to go on: `), closed]);
    if (answer?.trim() !== expected) throw new CliError('not_confirmed', `not confirmed (the answer was not ${expected}): nothing was changed`);
  } finally {
    prompt.close();
  }
}

/**
 * `--yes`, a typed confirmation on a terminal, or `confirmation_required` (a usage error, exit 2,
 * nothing changed) naming what would be lost and the option that goes on.
 */
export async function confirmDestructive(what: string, expected: string, yes: boolean, context: Record<string, unknown>): Promise<void> {
  if (yes) return;
  if (!canAsk()) throw new CliError('confirmation_required', `${what}: run it again with --yes to go on (nothing was changed)`, context);
  await confirmByTyping(`${what}.`, expected);
}
