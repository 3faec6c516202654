/**
 * The SimContext a test hands a workload when it drives the workload without the simulator
 * runner: the block's height and time from the state, the test's keys, fresh keys named by
 * `freshKeyName`, and signing with the default fee and entropy from the block's seeded Prng
 * (so a run is a pure function of its seed, as in the simulator).
 */
import type { LedgerState } from '../../src/chain/ledger-state.js';
import type { Prng } from '../../src/core/prng.js';
import type { SimContext, SimKey } from '../../src/sim/workload.js';
import { BLOCK_INTERVAL_NS, signTx, TEST_CHAIN_ID, testKey } from './chain.js';

export interface TestSimContextSpec {
  readonly state: LedgerState;
  readonly prng: Prng;
  readonly keys: readonly SimKey[];
  readonly validatorKeys: readonly SimKey[];
  readonly appKeys?: readonly SimKey[];
  readonly txsPerBlock: number;
  readonly previousBlockTxs: readonly Uint8Array[];
  /** The testKey label of the fresh key `label` at `height` (unique per test and workload). */
  readonly freshKeyName: (height: number, label: string) => string;
}

/** The context for the next block of `spec.state` (15 minutes after the last one). */
export function testSimContext(spec: TestSimContextSpec): SimContext {
  const meta = spec.state.chain.meta.get('meta')!;
  const height = meta.height + 1;
  const { prng } = spec;
  return {
    prng,
    state: spec.state,
    height,
    timeNs: meta.lastBlockTimeNs + BLOCK_INTERVAL_NS,
    chainId: TEST_CHAIN_ID,
    keys: new Map(spec.keys.map((key) => [key.address, key])),
    keyList: spec.keys,
    validatorKeys: spec.validatorKeys,
    appKeys: spec.appKeys ?? [],
    profile: 'dev',
    txsPerBlock: spec.txsPerBlock,
    previousBlockTxs: spec.previousBlockTxs,
    newKey: (label) => testKey(spec.freshKeyName(height, label)),
    sign: (key, msg, options = {}) => signTx(key, msg, { feeUpokt: options.feeUpokt ?? 10_000n, entropy: BigInt(prng.int(2 ** 31)) + 1n }),
  };
}
