/**
 * Workload "staking": nodes and applications staked, edited, transferred and unstaked by the
 * workload's own accounts — valid messages and every rejection path, each with the outcome
 * pocket-core gives it (PROTOCOL §1.1-§1.3, §6.4, §7), predicted from the state after the
 * previous block.
 *
 *   kind                      expect            kind                        expect
 *   node/stake                ok                app/stake                   ok
 *   node/stake-by-output      ok (output pays)  app/edit-raise              ok
 *   node/edit-raise           ok                app/edit-chains             ok
 *   node/edit-output          ok (by output)    app/transfer                ok
 *   node/begin-unstake        ok                app/begin-unstake           ok
 *   node/output-by-operator   pos:127           app/edit-lower              application:120
 *   node/delegators-by-output pos:129           app/edit-unaffordable       application:112
 *   node/edit-lower           pos:122           app/transfer-to-app         application:120
 *   node/edit-same-bin        pos:122           app/transfer-from-unstaking application:111
 *   node/edit-waiting         pos:117           app/stake-unstaking         application:110
 *   node/stake-unstaking      pos:110           app/below-minimum           application:111
 *   node/below-minimum        pos:111           app/unaffordable            application:112
 *   node/unaffordable         pos:112           app/too-many-chains         application:118
 *   node/too-many-chains      pos:120           app/unstake-again           sdk:1
 *   node/no-output            pos:123           app/unstake-unknown         application:101
 *   node/url-too-long         pos:118           app/unjail-not-jailed       application:105
 *   node/null-output-by-output pos:125          app/unjail-unknown          application:101
 *   node/unstake-unknown      pos:101           app/zero-value              application:115 (no fee)
 *   node/unstake-wrong-signer pos:125           app/bad-chain               application:117 (no fee)
 *   node/unstake-unstaking    pos:110
 *   node/bad-url              pos:118 (no fee)  node/bad-chain              pos:119 (no fee)
 *   node/zero-value           pos:102 (no fee)  node/foreign-signer         sdk:4 (no fee)
 *
 * Exactness: within a block every record (operator, app) is the subject of at most one tx, and
 * every payer's balance is projected through the block (stakes, raises, fees). Other workloads
 * never sign for these accounts. What can still change between the previous block and this
 * block's txs is BeginBlock: rewards (balances only grow — "unaffordable" amounts exceed the
 * balance by 10^12 uPOKT) and downtime/double-sign slashes of nodes in the validator set
 * (stakes are ≥ 1.5 × StakeMinimum and "lower" edits ask for half the stake, so a slash cannot
 * flip an outcome). Jailed nodes are left alone by the "ok" edits.
 */
import type { Prng } from '../../core/prng.js';
import type { ProposedTx, SimContext, Workload } from '../workload.js';
import { APP_CASES } from './staking-app-cases.js';
import { NODE_CASES } from './staking-node-cases.js';
import { BlockPlan, isNodeKind, type Kind } from './staking-plan.js';

/** Weights: the lifecycle (stake, edit, transfer, unstake) most of the time, every rejection regularly. */
const WEIGHTS: ReadonlyArray<readonly [Kind, number]> = [
  ['node/stake', 10],
  ['node/stake-by-output', 4],
  ['node/edit-raise', 6],
  ['node/edit-output', 3],
  ['node/begin-unstake', 4],
  ['app/stake', 10],
  ['app/edit-raise', 4],
  ['app/edit-chains', 3],
  ['app/transfer', 4],
  ['app/begin-unstake', 4],
  ...(
    [
      'node/output-by-operator',
      'node/delegators-by-output',
      'node/edit-lower',
      'node/edit-same-bin',
      'node/edit-waiting',
      'node/stake-unstaking',
      'node/below-minimum',
      'node/unaffordable',
      'node/too-many-chains',
      'node/no-output',
      'node/url-too-long',
      'node/null-output-by-output',
      'node/unstake-unknown',
      'node/unstake-wrong-signer',
      'node/unstake-unstaking',
      'node/bad-url',
      'node/bad-chain',
      'node/zero-value',
      'node/foreign-signer',
      'app/edit-lower',
      'app/edit-unaffordable',
      'app/transfer-to-app',
      'app/transfer-from-unstaking',
      'app/stake-unstaking',
      'app/below-minimum',
      'app/unaffordable',
      'app/too-many-chains',
      'app/unstake-again',
      'app/unstake-unknown',
      'app/unjail-not-jailed',
      'app/unjail-unknown',
      'app/zero-value',
      'app/bad-chain',
    ] as const
  ).map((kind) => [kind, 1] as const),
];
const TOTAL_WEIGHT = WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);

function drawKind(prng: Prng): Kind {
  let ticket = prng.int(TOTAL_WEIGHT);
  for (const [kind, weight] of WEIGHTS) {
    if (ticket < weight) return kind;
    ticket -= weight;
  }
  return 'node/stake';
}

/** One case of `kind` (staking-node-cases.ts, staking-app-cases.ts); none without keys of the roles it needs. */
function propose(plan: BlockPlan, kind: Kind): void {
  const { operators, outputs, apps } = plan.roles;
  if (isNodeKind(kind)) {
    if (operators.length > 0 && outputs.length > 0) NODE_CASES[kind](plan, kind);
  } else if (apps.length > 0) APP_CASES[kind](plan, kind);
}

export function createStakingWorkload(): Workload {
  return {
    name: 'staking',
    propose(ctx: SimContext): ProposedTx[] {
      if (ctx.keyList.length < 8) return [];
      const plan = new BlockPlan(ctx);
      const attempts = 2 * Math.max(2, Math.min(ctx.txsPerBlock, 12));
      for (let i = 0; i < attempts && plan.txs.length < attempts / 2; i++) propose(plan, drawKind(ctx.prng));
      return plan.txs;
    },
  };
}
