/**
 * Two node messages' codes, written from PROTOCOL §1.2 and §6.8 (pocket-core x/nodes/handler.go:
 * 112-147, keeper/valStateChanges.go:379-398 and 651-719; checked against RC-0.12.0), read
 * from the shadow's own node records, jails and signing infos. First failure wins:
 *   BeginUnstake: no node → pos:101; signer neither operator nor output → pos:125; not Staked
 *                 (already unstaking) → pos:110; else delivered (joins the waiting set).
 *   Unjail:       no node → pos:101; signer neither operator nor output → pos:125; tokens below
 *                 StakeMinimum → pos:105 (the node still joins the waiting set, shadow.ts);
 *                 not jailed → pos:105; no signing info → pos:101; block time before
 *                 jailed_until → pos:104; else delivered.
 * pocket-core's extra check of jailed_until against the wall clock is not deterministic; the
 * ledger, like every replaying node, has only the block time (PROTOCOL §1.2).
 */
import type { Message } from '../../messages/index.js';
import type { ParamTracker } from './params.js';

export interface NodeWorld {
  readonly nodes: ReadonlyMap<string, { readonly operator: string; readonly outputAddress: string | null; readonly tokens: bigint; readonly jailed: boolean; readonly unstakingAtNs: bigint | null }>;
  /** jailedUntilNs null = Go's zero time (always passed). */
  readonly signing: { get(address: string): { readonly jailedUntilNs: bigint | null } | undefined };
  readonly params: ParamTracker;
  /** The block's time (ns). */
  readonly timeNs: bigint;
}

type NodeMessage = Extract<Message, { type: 'BeginUnstakeNode' | 'UnjailNode' }>;

export function decideNodeMessage(world: NodeWorld, message: NodeMessage): string {
  const node = world.nodes.get(message.validatorAddress);
  if (node === undefined) return 'pos:101';
  if (message.signerAddress !== node.operator && message.signerAddress !== node.outputAddress) return 'pos:125';
  if (message.type === 'BeginUnstakeNode') return node.unstakingAtNs !== null ? 'pos:110' : 'ok';
  if (node.tokens < world.params.int('pos/StakeMinimum') || !node.jailed) return 'pos:105';
  const info = world.signing.get(message.validatorAddress);
  if (info === undefined) return 'pos:101';
  return info.jailedUntilNs !== null && world.timeNs < info.jailedUntilNs ? 'pos:104' : 'ok';
}
