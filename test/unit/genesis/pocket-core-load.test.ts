/**
 * Goal: what `pokt-ledger export` writes breaks none of the rules pocket-core RC-0.12.0 applies when
 * a node starts from a genesis file, except the ones no state can meet (every pocket-core export
 * breaks them too; docs/history.md, "Export / import") and, before feature BLOCK is active, the
 * max_bytes of 0 pocket-core's own export writes there.
 * Method: (i) a simulated chain with every feature from genesis, exported at 8, and (ii) a genesis
 * whose features are scheduled at 1000, exported at 0, are held to test/helpers/pocket-core-load-rules.ts
 * (written from the Go sources, file:line beside each rule); then the export re-imported must give
 * the exporting ledger's state root (runtime/data-dir.ts compares it with `state_root`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exportDataDir } from '../../../src/cli/commands/export.js';
import { exportState } from '../../../src/genesis/export.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { initDataDir, loadGenesisOfDataDir } from '../../../src/runtime/data-dir.js';
import { bytesToHex } from '../../../src/core/hex.js';
import { simulate } from '../../../src/sim/simulator.js';
import { fixturePath } from '../../helpers/paths.js';
import { pocketCoreLoadProblems } from '../../helpers/pocket-core-load-rules.js';
import { scratch } from '../../helpers/sim.js';

const H = 8;
let work: ReturnType<typeof scratch>;
const exports: Record<'allFeatures' | 'scheduledLater', any> = { allFeatures: undefined, scheduledLater: undefined };

/**
 * The e2e genesis with BLOCK, RSCAL and PerChainRTTM scheduled at height 1000 (pocket-core adds
 * their ACL entries then, x/gov/module.go:170-200), exported at height 0 (the simulator's
 * workloads assume every feature from genesis).
 */
function exportWithLateFeatures(): any {
  const json = JSON.parse(readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8'));
  json.app_state.gov.params.upgrade = { Height: '1000', Version: '0.12.0', OldUpgradeHeight: '0', Features: ['BLOCK:1000', 'RSCAL:1000', 'PerChainRTTM:1000'] };
  const parsed = parseGenesis(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return exportState(importGenesis(parsed.value));
}

const test = suite('export: a file pocket-core RC-0.12.0 loads');

test.before(async () => {
  work = scratch('pocket-core-load');
  const dir = join(work.dir, 'simulated');
  await simulate({ dataDir: dir, genesisFile: fixturePath('e2e-single-node-genesis.json'), seed: 11n, blocks: H, txsPerBlock: 3, fsync: 'never', workers: 0 });
  exports.allFeatures = await exportDataDir(dir, H);
  exports.scheduledLater = exportWithLateFeatures();
});
test.after(() => work.remove());

/**
 * Broken by pocket-core's own export of the same state, and not avoidable without writing a state
 * that is not the chain's:
 *   - `auth-account-public-key`: module accounts hold coins and have no public key, nor has an
 *     account that only ever received (auth ValidateGenesis dereferences the nil key,
 *     x/auth/types/genesis.go:32-36; GetAllAccountsExport keeps every account with coins,
 *     x/auth/keeper/account.go:108-122) — the first rule InitChain meets (auth is first,
 *     app/app.go:104-110), so no export of a chain with a DAO balance starts a pocket-core node;
 *   - `pos-staked-pool`: an Unstaking validator's tokens stay in staked_tokens_pool until it
 *     matures (FinishUnstakingValidator, x/nodes/keeper/valStateChanges.go:461-467), while
 *     InitGenesis sums only the Staked ones (x/nodes/genesis.go:47-50, 62-74);
 *   - `pocketcore-claim-expiration`: a stored claim has its expiration height set
 *     (x/pocketcore/keeper/claim.go:238), which ValidateBasic wants 0 (msgs.go:70-72).
 */
const UNAVOIDABLE = new Set(['auth-account-public-key', 'pos-staked-pool', 'pocketcore-claim-expiration']);

/**
 * Broken where feature BLOCK is not yet active at H (scheduledLater), as by pocket-core's own
 * export of that state: ExportState writes the keeper's BlockByteSize as max_bytes
 * (app/pocket.go:172), 0 before BLOCK's activation stores one (x/pocketcore/module.go:106-113;
 * Subspace.Get leaves the int64 at 0, types/param.go:107-125), which Tendermint's
 * ConsensusParams.Validate refuses (types/params.go:102-105). The ledger writes pocket-core's 0
 * and carries the limit for its own import in pokt_ledger.block_max_bytes.
 */
const isMaxBytesBeforeBlock = (p: { rule: string; path: string }): boolean => p.rule === 'tm-consensus-params' && p.path === '$.consensus_params.block.max_bytes';

test('scheduledLater: max_bytes is the keeper\'s 0, the one problem beyond the unavoidable ones (what pocket-core writes before BLOCK)', () => {
  assert.is(exports.scheduledLater.consensus_params.block.max_bytes, '0');
  assert.ok(pocketCoreLoadProblems(exports.scheduledLater).some(isMaxBytesBeforeBlock), 'the checker sees it');
  assert.not.ok(pocketCoreLoadProblems(exports.allFeatures).some(isMaxBytesBeforeBlock), 'BLOCK active: the stored BlockByteSize');
});

for (const name of ['allFeatures', 'scheduledLater'] as const) {
  test(`${name}: every ACL key names a parameter pocket-core has stored when gov's InitGenesis validates the ACL (x/gov/keeper/genesis.go:16)`, () => {
    const problems = pocketCoreLoadProblems(exports[name]).filter((p) => p.rule.startsWith('gov-'));
    assert.equal(problems, []);
  });

  test(`${name}: no other pocket-core load rule is broken beyond the unavoidable ones`, () => {
    const avoidable = pocketCoreLoadProblems(exports[name]).filter((p) => !UNAVOIDABLE.has(p.rule) && !(name === 'scheduledLater' && isMaxBytesBeforeBlock(p)));
    assert.equal(avoidable, []);
  });
}

test('the unavoidable rules are really broken by the simulated chain (the checker sees them)', () => {
  const rules = new Set(pocketCoreLoadProblems(exports.allFeatures).map((p) => p.rule));
  assert.equal([...UNAVOIDABLE].filter((rule) => !rules.has(rule)), []);
});

test("the ACL entries pocket-core refuses are kept for the ledger: the export re-imports to the exporting ledger's root", () => {
  for (const name of ['allFeatures', 'scheduledLater'] as const) {
    const file = join(work.dir, `${name}-export.json`);
    writeFileSync(file, JSON.stringify(exports[name]));
    const dir = join(work.dir, `${name}-imported`);
    initDataDir(dir, file);
    const { state } = loadGenesisOfDataDir(dir);
    assert.is(bytesToHex(state.store.root), exports[name].pokt_ledger.state_root, name);
    // The full ACL (ledger extras, and feature-gated keys once their feature is on) is back in the
    // imported state; before BLOCK's hook pocketcore/BlockByteSize has no owner (genesis/parse.ts completeAcl).
    const acl = state.params().gov.acl.map((e) => e.key);
    assert.ok(acl.includes('pos/FeeBurnPercentage'), name);
    assert.is(acl.includes('pocketcore/BlockByteSize'), name === 'allFeatures', name);
  }
});

test('a file whose two ACLs disagree is refused at the pocket-core section; an unknown key in pokt_ledger.acl at its path', () => {
  const pathsOf = (mutate: (file: any) => void): string[] => {
    const file = structuredClone(exports.scheduledLater);
    mutate(file);
    const parsed = parseGenesis(JSON.stringify(file));
    return parsed.ok ? [] : parsed.error.map((p) => p.path);
  };
  assert.equal(pathsOf(() => undefined), []);
  // An owner changed in the pocket-core section only: which one would the chain have?
  assert.equal(pathsOf((f) => (f.app_state.gov.params.acl[0].address = 'ab'.repeat(20))), ['$.app_state.gov.params.acl']);
  // An entry pocket-core refuses put back into its section.
  assert.equal(pathsOf((f) => f.app_state.gov.params.acl.push({ acl_key: 'pos/FeeBurnPercentage', address: f.app_state.gov.params.dao_owner })), ['$.app_state.gov.params.acl']);
  const last = exports.scheduledLater.pokt_ledger.acl.length - 1;
  assert.equal(pathsOf((f) => (f.pokt_ledger.acl[last].acl_key = 'pos/NoSuchParam')), [`$.pokt_ledger.acl[${last}].acl_key`]);
});

test.run();
