/**
 * What deciding a message (or a block hook) produces: domain events to apply, or a rejection.
 *
 * A rejected message changes nothing — except in the two places where pocket-core persists
 * writes made before its handler failed (PROTOCOL §0.1, §12.2 item 1): the replay-attack burn
 * (`pocketcore:86`) and unjail-below-minimum (`pos:105`). Those are modelled explicitly as a
 * rejection that still carries `events` (the side effects), so the exception is visible in the
 * type instead of hidden in a non-atomic store. A rejection may also carry an event that changes
 * no table and only records the attempt (ProofRejected: a refused proof of a live claim), so the
 * read side sees it; the state — and its root — are those of a plain rejection.
 */
import type { Rejection } from './rejection.js';

export type Outcome<E> =
  | { readonly ok: true; readonly events: readonly E[] }
  | { readonly ok: false; readonly rejection: Rejection; readonly events: readonly E[] };

export const accepted = <E>(...events: E[]): Outcome<E> => ({ ok: true, events });
export const rejected = <E>(rejection: Rejection): Outcome<E> => ({ ok: false, rejection, events: [] });
export const rejectedWithSideEffects = <E>(rejection: Rejection, events: readonly E[]): Outcome<E> => ({ ok: false, rejection, events });
