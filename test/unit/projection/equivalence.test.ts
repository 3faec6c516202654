/**
 * Goal: every answer the projection gives "as of" a height equals the reducer's own answer at
 * that height — for nodes, apps, balances, signing infos, supply, params and claims, at random
 * heights and for random entities (also ones that never existed or no longer exist) — on a chain
 * where every message kind happened (the test fails if one never did: EVERY_KIND below), and
 * every refused proof of a live claim is a `claim_proof_rejections` row.
 * Method: a simulated chain (test/helpers/projection.ts, seeded) is projected; the log is then
 * replayed, and at seeded sample heights the reducer's query functions (src/modules/*\/queries.ts)
 * over the live replayed state are compared with ProjectionQueries over SQLite. Height 0
 * compares against the imported genesis state. The kinds are read from the replay's receipts
 * and events, the proof refusals from the receipts' codes (not from the projection's events).
 */
import Database from 'better-sqlite3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { BlockResult } from '../../../src/chain/apply-block.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { Prng } from '../../../src/core/prng.js';
import { queryApp, queryApps } from '../../../src/modules/apps/queries.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { querySupply } from '../../../src/modules/auth/queries.js';
import { allParamsAt } from '../../../src/modules/gov/queries.js';
import { queryNode, queryNodes } from '../../../src/modules/nodes/queries.js';
import { VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { nodeClaims } from '../../../src/modules/pocketcore/queries.js';
import { ProjectionQueries } from '../../../src/projection/queries.js';
import { projectionFile } from '../../../src/projection/store.js';
import { loadGenesisOfDataDir } from '../../../src/runtime/data-dir.js';
import { project } from '../../../src/projection/run.js';
import { replay } from '../../../src/runtime/replay.js';
import { copyDataDir, PROJECTION_SIM_BLOCKS, PROJECTION_SIM_SEED, projectionSimChain } from '../../helpers/projection.js';

const SAMPLE_HEIGHTS = 30;
const ENTITIES_PER_HEIGHT = 16;
const NEVER_SEEN = ['0000000000000000000000000000000000000001', 'ffffffffffffffffffffffffffffffffffffffff'];

const test = suite('projection: SQLite answers = reducer answers at every sampled height');

/** What the replay saw: successful message types, event types, slash reasons, refused proofs. */
interface Seen {
  readonly okMessages: Set<string>;
  readonly events: Set<string>;
  readonly slashes: Set<string>;
  /** Proof txs refused with the claim left live, from the receipts: "height tx code". */
  readonly refusedProofs: string[];
}

/**
 * Every message kind of issue 12's must-show, each with what proves it happened (pocket-core's
 * msg.Type() of a successful receipt, or the event its effect emits).
 */
const EVERY_KIND: ReadonlyArray<readonly [string, (seen: Seen) => boolean]> = [
  ['send', (s) => s.okMessages.has('send')],
  ['node stake', (s) => s.events.has('NodeStaked')],
  ['node edit stake', (s) => s.events.has('NodeStakeEdited')],
  ['node unstake (requested and completed)', (s) => s.okMessages.has('begin_unstake_validator') && s.events.has('NodeUnstaked')],
  ['node unjail', (s) => s.okMessages.has('unjail_validator') && s.events.has('NodeUnjailed')],
  ['app stake', (s) => s.events.has('AppStaked')],
  ['app edit stake', (s) => s.events.has('AppStakeEdited')],
  ['app unstake (started and completed)', (s) => s.okMessages.has('app_begin_unstake') && s.events.has('AppUnstaked')],
  ['app transfer', (s) => s.events.has('AppTransferred')],
  ['claim', (s) => s.okMessages.has('claim')],
  ['claim expired', (s) => s.events.has('ClaimsExpired')],
  ['proof accepted', (s) => s.okMessages.has('proof') && s.events.has('ProofAccepted')],
  ['proof refused, claim live (pocketcore:66)', (s) => s.refusedProofs.some((r) => r.endsWith(' pocketcore:66'))],
  ['proof refused as a replay attack (pocketcore:86)', (s) => s.events.has('ReplayAttackDetected')],
  ['gov param change', (s) => s.okMessages.has('change_param') && s.events.has('ParamChanged')],
  ['DAO transfer', (s) => s.events.has('DaoTransferred')],
  ['DAO burn', (s) => s.events.has('DaoBurned')],
  ['upgrade', (s) => s.okMessages.has('upgrade') && s.events.has('UpgradeScheduled')],
  ['double-sign evidence (slashed)', (s) => s.slashes.has('double_sign')],
  ['jailing by downtime', (s) => s.events.has('NodeJailed') && s.slashes.has('downtime')],
];

/** Proof refusals that leave the claim live (proof.ts steps 2–6). */
const REFUSED_PROOF_CODES = new Set(['pocketcore:49', 'pocketcore:66', 'sdk:1', 'pocketcore:45', 'pocketcore:60', 'pocketcore:13']);

function observe(seen: Seen, result: BlockResult): void {
  const events = [...result.beginBlock.flatMap((s) => s.events), ...result.receipts.flatMap((r) => r.events), ...result.endBlock.flatMap((s) => s.events)];
  for (const event of events) {
    seen.events.add(event.type);
    if (event.type === 'NodeSlashed') seen.slashes.add(event.reason);
  }
  for (const receipt of result.receipts) {
    if (receipt.code === 0 && receipt.messageType !== null) seen.okMessages.add(receipt.messageType);
    const code = `${receipt.codespace}:${receipt.code}`;
    if (receipt.messageType === 'proof' && REFUSED_PROOF_CODES.has(code)) seen.refusedProofs.push(`${result.height} ${receipt.hash} ${code}`);
  }
}

function sampleHeights(prng: Prng): Set<number> {
  const heights = new Set([0, 1, PROJECTION_SIM_BLOCKS]);
  while (heights.size < SAMPLE_HEIGHTS) heights.add(prng.int(PROJECTION_SIM_BLOCKS + 1));
  return heights;
}

/** Addresses to sample from, per kind (each also holds the never-seen ones), so every kind gets live entities. */
function universes(db: Database.Database): string[][] {
  const of = (sql: string): string[] => [...(db.prepare(sql).all() as Array<{ address: string }>).map((row) => row.address), ...NEVER_SEEN];
  return [
    of('SELECT DISTINCT address FROM nodes ORDER BY 1'),
    of('SELECT DISTINCT address FROM apps ORDER BY 1'),
    of('SELECT DISTINCT servicer AS address FROM claims ORDER BY 1'),
    of('SELECT DISTINCT address FROM balances ORDER BY 1'),
  ];
}

const valueOr = <T>(result: { ok: true; value: T } | { ok: false }): T | undefined => (result.ok ? result.value : undefined);

/** Comparisons made, and how many of them had something to compare (an entity that existed). */
const tally = { checks: 0, present: new Map<string, number>() };

function compareAt(state: LedgerState, height: number, sql: ProjectionQueries, pools: readonly string[][], prng: Prng): void {
  const where = `at height ${height} (seed ${PROJECTION_SIM_SEED})`;
  const same = (actual: unknown, expected: unknown, what: string): void => {
    assert.equal(actual, expected, `${what} ${where}`);
    tally.checks++;
    const kind = what.split(' ')[0]!;
    if (expected !== undefined && expected !== 0n && !(Array.isArray(expected) && expected.length === 0)) tally.present.set(kind, (tally.present.get(kind) ?? 0) + 1);
  };
  for (let i = 0; i < ENTITIES_PER_HEIGHT; i++) {
    const pool = pools[i % pools.length]!;
    const address = pool[prng.int(pool.length)]!;
    same(sql.node(address, height), valueOr(queryNode(state, address)), `node ${address}`);
    same(sql.app(address, height), valueOr(queryApp(state, address)), `app ${address}`);
    same(sql.balance(address, height), balanceOf(state.auth, address as never), `balance ${address}`);
    same(sql.signingInfo(address, height), state.slashing.signingInfos.get(address), `signing info ${address}`);
    same(sql.claims(height, address), nodeClaims(state, address as never), `claims of ${address}`);
  }
  same(sql.supply(height), querySupply(state.auth), 'supply');
  same(sql.validatorSet(height), state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [], 'validator set');
  same(sql.allParams(height), allParamsAt(state, height), 'allparams');
  same(sql.claims(height), nodeClaims(state, undefined), 'all claims');
  // Every record, not a sample: signing-info rows are stepped (counters derived at read time,
  // projectors/signing-infos.ts), and the jailed validators whose counters step are few.
  same(sql.signingInfos(height), [...state.slashing.signingInfos.sortedEntries()].map(([, info]) => info), 'all signing infos');
  for (const options of [{}, { stakingStatus: 1 }, { jailedStatus: 1 }, { jailedStatus: 2, page: 2, perPage: 3 }, { blockchain: '0001' }]) {
    same(sql.nodes(height, options), queryNodes(state, options), `nodes ${JSON.stringify(options)}`);
  }
  for (const options of [{}, { stakingStatus: 1 }, { stakingStatus: 2, page: 2, perPage: 2 }]) same(sql.apps(height, options), queryApps(state, options), `apps ${JSON.stringify(options)}`);
}

test(`a ${PROJECTION_SIM_BLOCKS}-block simulated chain: nodes, apps, balances, signing infos, claims, supply, params, validator set`, async () => {
  const copy = copyDataDir(await projectionSimChain(), 'projection-equivalence');
  try {
    await project(copy.dir);
    const db = new Database(projectionFile(copy.dir), { readonly: true });
    db.defaultSafeIntegers(true);
    const sql = new ProjectionQueries(db);
    const prng = new Prng(PROJECTION_SIM_SEED);
    const heights = sampleHeights(prng);
    const pools = universes(db);
    compareAt(loadGenesisOfDataDir(copy.dir).state, 0, sql, pools, prng);
    let compared = 1;
    const seen: Seen = { okMessages: new Set(), events: new Set(), slashes: new Set(), refusedProofs: [] };
    await replay(copy.dir, {
      trustSignatures: true,
      onBlock: (result, state) => {
        observe(seen, result);
        if (!heights.has(result.height)) return;
        compareAt(state, result.height, sql, pools, prng);
        compared++;
      },
    });
    const rejections = db.prepare('SELECT height, tx_hash, code FROM claim_proof_rejections ORDER BY height, event_index').all() as Array<{ height: bigint; tx_hash: string; code: string }>;
    db.close();
    assert.equal(EVERY_KIND.filter(([, happened]) => !happened(seen)).map(([kind]) => kind), [], `message kinds that never happened in ${PROJECTION_SIM_BLOCKS} blocks (seed ${PROJECTION_SIM_SEED})`);
    assert.equal(rejections.map((r) => `${r.height} ${r.tx_hash} ${r.code}`), seen.refusedProofs, 'one claim_proof_rejections row per refused proof receipt');
    assert.is(compared, heights.size, 'every sampled height was compared');
    // The sample must reach live entities of every kind, not only absent ones.
    for (const kind of ['node', 'app', 'balance', 'signing', 'claims']) assert.ok((tally.present.get(kind) ?? 0) >= 20, `${kind}: only ${tally.present.get(kind) ?? 0} comparisons with a live entity`);
    assert.ok(tally.checks >= SAMPLE_HEIGHTS * (ENTITIES_PER_HEIGHT * 5 + 12), `${tally.checks} comparisons`);
  } finally {
    copy.remove();
  }
});

test.run();
