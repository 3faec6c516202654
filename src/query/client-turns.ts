/**
 * Turns at answering, shared between clients (by remote address) round robin, so one client's
 * flood of heavy queries cannot hold everyone else's answers (review of 2026-12-05: 300 parallel
 * `rewards` pages of 1,000 lines from one address held other clients ~7 s).
 *
 * Why turns, not a cap on one client's requests in flight: `serve` reads SQLite synchronously, so
 * without turns every request Node has read is answered, one after another, in the same pass of
 * the event loop — a flood's 300 requests never wait together, they just run ahead of the request
 * another client sent a millisecond later. With turns a request waits in its client's queue until
 * it is granted one; at most `answersInService` requests are being answered at once; and a freed
 * turn is granted on the NEXT pass of the event loop (setImmediate), after Node has read what
 * arrived meanwhile, to the client after the last one served, in round-robin order. So a request
 * from another client is answered after at most a few of the flood's.
 *
 * Example (`answersInService` 4): client A has 40 `rewards` requests waiting; a pass grants 4 of
 * them (SQLite: answered within that pass) and moves A to the back of the rotation. B's `height`
 * request is read in the next pass and joins the rotation after A: that pass grants one of A's,
 * then B's, then two of A's. B waits for 5 of A's answers, not 40 (test/unit/query/client-turns:
 * 2–4 with 30 kept-alive flooding connections, 30–58 without turns).
 *
 * A client with `maxWaitingPerClient` requests already waiting is refused at once, 429
 * `too_many_requests` with `Retry-After: 1`: its requests cost the server nothing more than that.
 * A client is `request.ip`: the peer's address, or behind a reverse proxy named in
 * HttpLimits.trustedProxies (`--trust-proxy`) the address the proxy forwarded.
 *
 * Every grant waits for the check phase of the event loop, even on an idle service (a few µs): a
 * turn granted at once would let each request Node reads in one pass be answered right away, one
 * after another — the flood's order again. A request whose client goes away while it waits leaves
 * its queue; a turn is handed back when the answer has been serialized (onSend) or the connection
 * closes, whichever is first, exactly once.
 *
 * Not shared by turns: Node accepts one NEW connection per pass of its event loop (libuv), so a
 * new connection waits in the kernel's accept queue behind every connection opened before it.
 * Kept-alive connections (browsers, the SDK) are read at every pass.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';

export interface TurnLimits {
  /**
   * Requests answered at once. With SQLite (synchronous reads) this is how many one pass of the
   * event loop answers: fewer shortens another client's wait (at most this many of a flood's
   * answers, then one round), more spreads a pass's cost over more answers. PostgreSQL: the pool's
   * connections, which answer concurrently.
   */
  readonly answersInService: number;
  /** Requests one client may have waiting for a turn; one more is refused (429). */
  readonly maxWaitingPerClient: number;
}

/**
 * 128 waiting: a script's burst (Promise.all over a few hundred heights through Node's fetch,
 * one connection per request) is mostly queued, not refused; fairness comes from the turns.
 */
export const DEFAULT_TURN_LIMITS: TurnLimits = { answersInService: 4, maxWaitingPerClient: 128 };

/** The start line's account of the turns, e.g. "clients take turns: 4 answers at once, 128 waiting per client". */
export function turnsText(limits: TurnLimits, trustedProxies: readonly string[] = []): string {
  const proxies = trustedProxies.length === 0 ? '' : `, clients behind ${trustedProxies.join(', ')} by X-Forwarded-For`;
  return `clients take turns: ${limits.answersInService} answers at once, ${limits.maxWaitingPerClient} waiting per client${proxies}`;
}

/** A granted turn; `release` is idempotent. */
export interface Turn {
  release(): void;
}

interface Waiter {
  readonly client: string;
  readonly grant: (turn: Turn) => void;
}

/** What `request` answers: a turn now or later, or `refused` (the client's queue is full). */
export type TurnRequest = { readonly turn: Promise<Turn>; readonly cancel: () => void } | 'refused';

export class ClientTurns {
  private inService = 0;
  /** Waiting requests by client; the Map's order is the round-robin order (served → moved last). */
  private readonly waiting = new Map<string, Waiter[]>();
  private passScheduled = false;

  constructor(private readonly limits: TurnLimits = DEFAULT_TURN_LIMITS) {}

  /** Requests being answered now (tests). */
  get serving(): number {
    return this.inService;
  }

  /** Requests waiting for a turn, all clients (tests). */
  get queued(): number {
    let count = 0;
    for (const queue of this.waiting.values()) count += queue.length;
    return count;
  }

  /** `admitted`: a request coming back from awayFromTurn, which is never refused. */
  request(client: string, { admitted = false } = {}): TurnRequest {
    const queue = this.waiting.get(client) ?? [];
    if (queue.length >= this.limits.maxWaitingPerClient && !admitted) return 'refused';
    let waiter: Waiter | undefined;
    const turn = new Promise<Turn>((grant) => (waiter = { client, grant }));
    queue.push(waiter!);
    if (queue.length === 1) this.waiting.set(client, queue);
    this.schedulePass();
    return { turn, cancel: () => this.cancel(waiter!) };
  }

  private cancel(waiter: Waiter): void {
    const queue = this.waiting.get(waiter.client);
    const at = queue?.indexOf(waiter) ?? -1;
    if (queue === undefined || at < 0) return; // granted already: its release hands the turn back
    queue.splice(at, 1);
    if (queue.length === 0) this.waiting.delete(waiter.client);
  }

  private grant(): Turn {
    this.inService++;
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inService--;
        this.schedulePass();
      },
    };
  }

  /** Grants free turns on the next pass of the event loop, after Node has read what arrived. */
  private schedulePass(): void {
    if (this.passScheduled || this.waiting.size === 0) return;
    this.passScheduled = true;
    setImmediate(() => {
      this.passScheduled = false;
      this.grantFreeTurns();
    });
  }

  private grantFreeTurns(): void {
    while (this.inService < this.limits.answersInService && this.waiting.size > 0) {
      const [client, queue] = this.waiting.entries().next().value as [string, Waiter[]];
      const waiter = queue.shift()!;
      // Round robin: the client just served goes to the back of the rotation (or leaves it).
      this.waiting.delete(client);
      if (queue.length > 0) this.waiting.set(client, queue);
      waiter.grant(this.grant());
    }
  }
}

/** A request's turn as it stands (replaced when it steps away and comes back: awayFromTurn). */
interface HeldTurn {
  readonly turns: ClientTurns;
  readonly client: string;
  /** The connection is gone (its 'close' has fired: a turn granted later must be handed back at once). */
  readonly gone: () => boolean;
  turn: Turn;
}

const heldTurns = new WeakMap<FastifyRequest, HeldTurn>();

/**
 * Awaits `work` without holding the request's turn, then waits for a turn again (at the back of
 * its client's queue, never refused). For slow work that is not answering — `dispatch` awaiting a
 * replay of the block log (seconds on a long chain): holding a turn meanwhile, 4 such requests
 * would stop every other answer until the replay ends. A request of an app without turns just
 * awaits.
 */
export async function awayFromTurn<T>(request: FastifyRequest, work: Promise<T>): Promise<T> {
  const held = heldTurns.get(request);
  if (held === undefined) return work;
  held.turn.release();
  try {
    return await work;
  } finally {
    const asked = held.turns.request(held.client, { admitted: true });
    if (asked !== 'refused') held.turn = await asked.turn;
    if (held.gone()) held.turn.release();
  }
}

/**
 * Every request of `app` waits for a turn (after its body is parsed and validated: a refused body
 * costs no turn). `limits` as above.
 */
export function shareTurnsByClient(app: FastifyInstance, limits: TurnLimits = DEFAULT_TURN_LIMITS): ClientTurns {
  const turns = new ClientTurns(limits);
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const asked = turns.request(request.ip);
    if (asked === 'refused') {
      reply.header('retry-after', '1');
      throw new HttpError(429, 'too_many_requests', `${request.ip} has ${limits.maxWaitingPerClient} requests waiting for an answer already: wait for their answers before sending more`, {
        max_waiting_per_client: limits.maxWaitingPerClient,
      });
    }
    // The connection closing (or the answer done): a waiting request leaves the queue, a held turn is handed back.
    let closed = false;
    let held: HeldTurn | undefined;
    reply.raw.once('close', () => {
      closed = true;
      if (held === undefined) asked.cancel();
      else held.turn.release();
    });
    held = { turns, client: request.ip, gone: () => closed, turn: await asked.turn };
    heldTurns.set(request, held);
    if (closed) held.turn.release();
  });
  app.addHook('onSend', (request, _reply, payload, done) => {
    heldTurns.get(request)?.turn.release();
    done(null, payload);
  });
  return turns;
}
