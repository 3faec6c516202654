/**
 * Test chains for the signing-info lifecycle (slashing tests): one big genesis validator A keeps
 * the chain alive while a node D, staked by tx, has each of its commit votes scripted. D votes in
 * block h's last commit iff it signed block h − 1 — iff it was in the validator set as of h − 3,
 * Tendermint's two-block delay (chain/producer.ts, modules/nodes/validator-set.ts) — so a
 * test says "D's next N votes are signed/missed" and the helpers produce blocks until D has cast
 * them. Blocks are 15 minutes apart (BLOCK_INTERVAL_NS). Each helper drives either an in-memory
 * LedgerState or a Driver (e.g. a ChainWriter over a data directory, for the audit tests).
 */
import * as assert from 'uvu/assert';
import type { BlockResult } from '../../src/chain/apply-block.js';
import { buildBlock, type BlockPlan } from '../../src/chain/producer.js';
import type { LedgerState } from '../../src/chain/ledger-state.js';
import type { Address } from '../../src/core/types.js';
import type { MissedBlocks, SigningInfo } from '../../src/modules/slashing/state.js';
import { checkInvariants } from '../../src/sim/invariants.js';
import { produce, signTx, type TestKey } from './chain.js';
import { code, eventsOfType, govChain, govGenesisJson, type GovChainSpec } from './gov-chain.js';
import { beginUnstakeNodeMsg, stakeNodeMsg } from './staking.js';

export const POKT = 1_000_000n;

/**
 * Defaults: window 100, MinSignedPerWindow 0.96 → MinBlocksSignedPerWindow round(96) = 96 → at
 * most 100 − 96 = 4 misses tolerated, the 5th (counter 5 > 4) jails; DowntimeJailDuration 3600 s
 * (4 blocks); StakeMinimum 15,000 POKT; 4-block sessions; UnstakingTime 3600 s.
 */
export function signingChain(a: TestKey, d: TestKey, pos: Readonly<Record<string, string>> = {}): LedgerState {
  return govChain(signingChainSpec(a, d, pos));
}

/** signingChain's genesis document, for a data directory (OWNER may change params). */
export function signingGenesisJson(a: TestKey, d: TestKey, pos: Readonly<Record<string, string>> = {}): string {
  return govGenesisJson(signingChainSpec(a, d, pos));
}

function signingChainSpec(a: TestKey, d: TestKey, pos: Readonly<Record<string, string>>): GovChainSpec {
  return {
    validators: [{ key: a, tokensUpokt: 1_000_000n * POKT }],
    accounts: [{ key: d, balanceUpokt: 100_000n * POKT }],
    params: {
      pos: {
        signed_blocks_window: '100',
        min_signed_per_window: '0.96',
        slash_fraction_downtime: '0.000001',
        downtime_jail_duration: '3600000000000',
        stake_minimum: '15000000000',
        session_block_frequency: '4',
        unstaking_time: '3600000000000',
        max_jailed_blocks: '37960',
        ...pos,
      },
    },
  };
}

export const heightOf = (state: LedgerState): number => state.chain.meta.get('meta')!.height;
export const bitsOf = (state: LedgerState, d: TestKey): readonly number[] => state.slashing.missedBlocks.get(d.address)?.indices ?? [];
export const infoOf = (state: LedgerState, d: TestKey): SigningInfo | undefined => state.slashing.signingInfos.get(d.address);
export const missedOf = (state: LedgerState, d: TestKey): MissedBlocks | undefined => state.slashing.missedBlocks.get(d.address);

/** Whether `address` votes in the next block's last commit, as the producer builds it (it signed the last block). */
export function votesNext(state: LedgerState, address: Address): boolean {
  const next = buildBlock(state, { timeNs: state.chain.meta.get('meta')!.lastBlockTimeNs + 1n, txs: [] });
  return next.header.lastCommit.some((vote) => vote.address === address);
}

/** Produces the next block (15 minutes after the last) on some chain; `state` is its state now. */
export interface Driver {
  readonly state: LedgerState;
  produce(txs: readonly Uint8Array[], plan: Pick<BlockPlan, 'signed' | 'evidence'>): BlockResult;
}

export type ChainLike = LedgerState | Driver;

function driverOf(chain: ChainLike): Driver {
  return 'produce' in chain ? chain : { state: chain, produce: (txs, plan) => produce(chain, txs, plan) };
}

const stateOf = (chain: ChainLike): LedgerState => driverOf(chain).state;

/** One block; D's vote (when D is in this block's last commit) is `dSigns`. Invariants checked. */
export function block(chain: ChainLike, d: TestKey, dSigns: boolean, txs: Uint8Array[] = [], evidence: BlockPlan['evidence'] = []): { result: BlockResult; voted: boolean } {
  const driver = driverOf(chain);
  const voted = votesNext(driver.state, d.address);
  const result = driver.produce(txs, { signed: (address: Address) => address !== d.address || dSigns, evidence });
  assert.equal(checkInvariants(driver.state), [], `invariants after block ${heightOf(driver.state)}`);
  return { result, voted };
}

/** One block with one tx by `signer`, which must end with `expected` ('ok' or 'codespace:code'). */
export function txBlock(chain: ChainLike, d: TestKey, signer: TestKey, msg: Parameters<typeof signTx>[1], expected = 'ok', dSigns = true): BlockResult {
  const { result } = block(chain, d, dSigns, [signTx(signer, msg)]);
  assert.is(code(result.receipts[0]!), expected, result.receipts[0]!.log);
  return result;
}

/** Blocks until D has cast `plan.length` votes, the i-th signed iff plan[i]. */
export function votes(chain: ChainLike, d: TestKey, plan: readonly boolean[], guard = 20): BlockResult[] {
  const results: BlockResult[] = [];
  let i = 0;
  for (let blocks = 0; i < plan.length; blocks++) {
    assert.ok(blocks < guard, 'D never voted');
    const { result, voted } = block(chain, d, plan[i]!);
    results.push(result);
    if (voted) i++;
  }
  return results;
}

/** Whether any of `results` jailed D for downtime. */
export const jailedIn = (results: readonly BlockResult[], d: TestKey): boolean => results.some((r) => eventsOfType(r, 'NodeJailed').some((e) => e.address === d.address));

/** Stake D (20,000 POKT), let it miss the votes at indices 0..2, unstake it and run until its record is deleted. */
export function missThenLeave(chain: ChainLike, d: TestKey, guard = 20): void {
  const state = stateOf(chain);
  txBlock(chain, d, d, stakeNodeMsg(d, { value: 20_000n * POKT }));
  assert.equal(infoOf(state, d), { address: d.address, startHeight: heightOf(state), indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
  // Three missed votes: indices 0, 1, 2 → bits {0,1,2}, counter 3 (≤ 4: free).
  votes(chain, d, [false, false, false]);
  assert.equal(bitsOf(state, d), [0, 1, 2]);
  assert.is(infoOf(state, d)!.missedBlocksCounter, 3);
  txBlock(chain, d, d, beginUnstakeNodeMsg(d, d));
  let unstaked = false;
  for (let blocks = 0; !unstaked; blocks++) {
    assert.ok(blocks < guard, 'D never finished unstaking');
    unstaked = eventsOfType(block(chain, d, true).result, 'NodeUnstaked').length > 0;
  }
  // DeleteValidator → DeleteValidatorSigningInfo: the record goes, the bits stay.
  assert.is(state.nodes.validators.get(d.address), undefined);
  assert.is(infoOf(state, d), undefined);
  assert.equal(bitsOf(state, d), [0, 1, 2], 'stale bits outlive the deleted signing info');
}

/** Re-stake D: a fresh record (start h, index 0, Unix 0, valStateChanges.go:312-321); the bits are not cleared. */
export function restake(chain: ChainLike, d: TestKey, value = 20_000n * POKT): BlockResult {
  const state = stateOf(chain);
  const staked = txBlock(chain, d, d, stakeNodeMsg(d, { value }));
  assert.equal(infoOf(state, d), { address: d.address, startHeight: heightOf(state), indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
  assert.equal(bitsOf(state, d), [0, 1, 2]);
  assert.equal(eventsOfType(staked, 'SigningInfoSet').map((e) => e.missedBlocks), [undefined], 'a new stake says nothing about the bits');
  return staked;
}
