/**
 * The codes of BeginUnstake and Unjail, of nodes and of apps, written from PROTOCOL §1.2, §1.3
 * and §6.8 (pocket-core x/nodes/handler.go:112-147, keeper/valStateChanges.go:379-398 and
 * 651-719; x/apps/handler.go:89-115, keeper/appStateChanges.go:200-226 and 398-433; checked
 * against RC-0.12.0), read from the shadow's own records, jails and signing infos. First
 * failure wins:
 *   BeginUnstake: no node → pos:101; signer neither operator nor output → pos:125; not Staked
 *                 (already unstaking) → pos:110; else delivered (joins the waiting set).
 *   Unjail:       no node → pos:101; signer neither operator nor output → pos:125; tokens below
 *                 StakeMinimum → pos:105 (the node still joins the waiting set, shadow.ts);
 *                 not jailed → pos:105; no signing info → pos:101; block time before
 *                 jailed_until → pos:104; else delivered.
 *   App BeginUnstake: no app → application:101; not Staked or jailed → sdk:1 (pocket-core wraps
 *                 application:110 / 104 as an internal error); else delivered.
 *   App Unjail:   no app → application:101; stake below ApplicationStakeMinimum or not jailed →
 *                 application:105; else delivered. (Only an exported state jails an app.)
 * pocket-core's extra check of jailed_until against the wall clock is not deterministic; the
 * ledger, like every replaying node, has only the block time (PROTOCOL §1.2).
 */
import type { Message } from '../../messages/index.js';
import type { ParamTracker } from './params.js';

export interface NodeWorld {
  readonly nodes: ReadonlyMap<string, { readonly operator: string; readonly outputAddress: string | null; readonly tokens: bigint; readonly jailed: boolean; readonly unstakingAtNs: bigint | null }>;
  /** jailedUntilNs null = Go's zero time (always passed). */
  readonly signing: { get(address: string): { readonly jailedUntilNs: bigint | null } | undefined };
  readonly apps: ReadonlyMap<string, { readonly stake: bigint; readonly jailed: boolean; readonly unstakingAtNs: bigint | null }>;
  readonly params: ParamTracker;
  /** The block's time (ns). */
  readonly timeNs: bigint;
}

type NodeMessage = Extract<Message, { type: 'BeginUnstakeNode' | 'UnjailNode' }>;
type AppMessage = Extract<Message, { type: 'BeginUnstakeApp' | 'UnjailApp' }>;

export function decideUnstakeOrUnjail(world: NodeWorld, message: NodeMessage | AppMessage): string {
  return message.type === 'BeginUnstakeApp' || message.type === 'UnjailApp' ? decideAppMessage(world, message) : decideNodeMessage(world, message);
}

function decideAppMessage(world: NodeWorld, message: AppMessage): string {
  const app = world.apps.get(message.applicationAddress);
  if (app === undefined) return 'application:101';
  if (message.type === 'BeginUnstakeApp') return app.unstakingAtNs !== null || app.jailed ? 'sdk:1' : 'ok';
  return app.stake < world.params.int('application/ApplicationStakeMinimum') || !app.jailed ? 'application:105' : 'ok';
}

function decideNodeMessage(world: NodeWorld, message: NodeMessage): string {
  const node = world.nodes.get(message.validatorAddress);
  if (node === undefined) return 'pos:101';
  if (message.signerAddress !== node.operator && message.signerAddress !== node.outputAddress) return 'pos:125';
  if (message.type === 'BeginUnstakeNode') return node.unstakingAtNs !== null ? 'pos:110' : 'ok';
  if (node.tokens < world.params.int('pos/StakeMinimum') || !node.jailed) return 'pos:105';
  const info = world.signing.get(message.validatorAddress);
  if (info === undefined) return 'pos:101';
  return info.jailedUntilNs !== null && world.timeNs < info.jailedUntilNs ? 'pos:104' : 'ok';
}
