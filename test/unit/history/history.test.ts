/**
 * Goal: a chain's history can be exported, re-imported and continued, verified, compared and
 * rolled back, with the same roots everywhere.
 * Method: a 36-block simulated chain with every message kind (the simulator on the e2e localnet
 * genesis, seed 5, snapshots every 10) is the source. Independent checks: the roots the producer
 * recorded in the log (not recomputed by the code under test) are what every path must reach;
 * pocket-core's exported shape (x/nodes/genesis.go ExportGenesis, x/pocketcore/types/pocket.pb.go
 * MsgClaim JSON tags) is checked field by field on the export.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { BlockLog, blockLogDir } from '../../../src/log/index.js';
import { initDataDir, loadGenesisOfDataDir } from '../../../src/runtime/data-dir.js';
import { replay } from '../../../src/runtime/replay.js';
import { bisectDataDirs, verifyDataDir } from '../../../src/runtime/verify.js';
import { rollbackDataDir } from '../../../src/runtime/rollback.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { exportDataDir } from '../../../src/cli/commands/export.js';
import { readStoredRoots } from '../../../src/cli/commands/chain.js';
import { listSnapshots } from '../../../src/snapshot/snapshot.js';
import { fixturePath } from '../../helpers/paths.js';
import { runCli, scratch } from '../../helpers/sim.js';

const test = suite('history: export/import, verify, rollback, snapshots');
const quiet = { onWarning: () => undefined };
let work: ReturnType<typeof scratch>;
let source: string;

test.before(async () => {
  work = scratch('history');
  source = join(work.dir, 'source');
  const run = await runCli(['simulate', '--data', source, '--genesis', fixturePath('e2e-single-node-genesis.json'), '--blocks', '36', '--seed', '5', '--fsync', 'never', '--snapshot-every', '10', '--no-progress']);
  assert.is(run.code, 0, run.stderr);
});
test.after(() => work.remove());

const copyOf = (name: string): string => {
  const dir = join(work.dir, name);
  cpSync(source, dir, { recursive: true });
  return dir;
};

test('full replay, snapshot + tail and the recorded roots agree at the tip', async () => {
  const recorded = readStoredRoots(source);
  const full = await replay(source, { trustSignatures: true, ...quiet });
  const fromSnapshot = await replay(source, { trustSignatures: true, fromSnapshot: true, ...quiet });
  assert.is(fromSnapshot.startedFrom, 'snapshot');
  assert.is(fromSnapshot.startHeight, 30);
  assert.is(full.stateRoot, recorded.at(-1)!.state_root);
  assert.is(fromSnapshot.stateRoot, recorded.at(-1)!.state_root);
});

test('export at H → init → the root recorded at H; the source blocks continue it to the same roots', async () => {
  const H = 23;
  const recorded = readStoredRoots(source);
  const exported = await exportDataDir(source, H);
  // pocket-core's exported shape (x/nodes/genesis.go ExportGenesis).
  const appState = exported['app_state'] as Record<string, Record<string, unknown>>;
  assert.is(appState['pos']!['exported'], true);
  for (const field of ['signing_infos', 'missed_blocks', 'prevState_validator_powers', 'prevState_total_power', 'previous_proposer']) assert.ok(field in appState['pos']!, field);
  assert.ok(Array.isArray(appState['pocketcore']!['claims']), 'the chain has outstanding claims at H');
  const claim = (appState['pocketcore']!['claims'] as Array<Record<string, unknown>>)[0]!;
  assert.equal(Object.keys(claim).sort(), ['evidence_type', 'expiration_height', 'from_address', 'header', 'merkle_root', 'total_proofs']);
  // EvidenceType is a Go int (x/pocketcore/types/evidence.go:215, RelayEvidence = 1): amino JSON writes it as a string.
  assert.is(claim['evidence_type'], '1');
  // Module accounts carry the permissions pocket-core created them with (app/pocket.go:203-210 at RC-0.12.0):
  // burner, minter, staking for all but the application module's, which has nil.
  const modules = (appState['auth']!['accounts'] as Array<{ type: string; value: { name?: string; permissions?: unknown } }>).filter((a) => a.type === 'posmint/ModuleAccount');
  const permissions = Object.fromEntries(modules.map((a) => [a.value.name, a.value.permissions]));
  const every = ['burner', 'minter', 'staking'];
  assert.equal(permissions, { fee_collector: every, staked_tokens_pool: every, application_staked_tokens_pool: every, dao: every, pos: every, application: null });
  const file = join(work.dir, `export-${H}.json`);
  writeFileSync(file, JSON.stringify(exported));
  const imported = join(work.dir, 'imported');
  const config = initDataDir(imported, file);
  assert.is(config.genesis_state_root, recorded[H - 1]!.state_root);
  assert.is(config.first_height, H + 1);
  // Continue: the source's blocks H+1… appended to the imported chain must replay to the source's roots.
  const from = BlockLog.open(blockLogDir(source), { readOnly: true }).log;
  const to = BlockLog.open(blockLogDir(imported), { fsync: 'never' }).log;
  for (const { height, payload } of from.iterate(H + 1)) to.append(height, payload);
  from.close();
  to.close();
  const report = await verifyDataDir(imported, quiet);
  assert.ok(report.ok, JSON.stringify(report.chain_problem ?? report.divergence));
  assert.is(report.state_root, recorded.at(-1)!.state_root);
  assert.ok((await bisectDataDirs(source, imported, quiet)).identical);
});

test('import reports every problem of an exported state with its JSON path, and takes big supplies and mixed case', async () => {
  const exported = (await exportDataDir(source, 20)) as Record<string, any>;
  const accounts = exported.app_state.auth.accounts as Array<{ type: string; value: { address: string; coins: Array<{ amount: string }> } }>;
  const holder = accounts.findIndex((a) => a.type === 'posmint/Account' && a.value.coins.length > 0);
  // Mixed case addresses are accepted (pocket-core: hex.DecodeString).
  const mixed = structuredClone(exported);
  mixed.app_state.auth.accounts[holder].value.address = accounts[holder]!.value.address.toUpperCase();
  delete mixed.pokt_ledger;
  const parsedMixed = parseGenesis(JSON.stringify(mixed));
  assert.ok(parsedMixed.ok, JSON.stringify(!parsedMixed.ok && parsedMixed.error));
  // A supply above 2^64 is carried exactly (a balance and the declared supply both raised).
  const big = structuredClone(mixed);
  const extra = 1n << 70n;
  big.app_state.auth.accounts[holder].value.coins[0].amount = String(BigInt(accounts[holder]!.value.coins[0]!.amount) + extra);
  big.app_state.auth.supply[0].amount = String(BigInt(exported.app_state.auth.supply[0].amount) + extra);
  const parsedBig = parseGenesis(JSON.stringify(big));
  assert.ok(parsedBig.ok && parsedBig.value.declaredSupplyUpokt! > 1n << 64n);
  // Broken: an invalid address, a staked pool that does not match, a claim hash of the wrong size.
  const broken = structuredClone(mixed);
  broken.app_state.auth.accounts[holder].value.address = 'zz' + accounts[holder]!.value.address.slice(2);
  broken.app_state.pos.validators[0].tokens = String(BigInt(broken.app_state.pos.validators[0].tokens) + 1n);
  broken.app_state.pocketcore.claims[0].merkle_root.merkleHash = 'AAAA';
  const parsed = parseGenesis(JSON.stringify(broken));
  assert.not.ok(parsed.ok);
  const paths = parsed.ok ? [] : parsed.error.map((p) => p.path);
  assert.ok(paths.includes(`$.app_state.auth.accounts[${holder}].value.address`), paths.join(' '));
  assert.ok(paths.includes('$.app_state.auth.accounts'), paths.join(' ')); // staked pool ≠ Σ tokens
  assert.ok(paths.includes('$.app_state.auth.supply'), paths.join(' ')); // the invalid account's balance is missing from the sum
  assert.ok(paths.includes('$.app_state.pocketcore.claims[0].merkle_root.merkleHash'), paths.join(' '));
});

test('verify names the height of a changed byte; bisect finds the first differing height and the entries', async () => {
  const damaged = copyOf('damaged');
  const segment = join(blockLogDir(damaged), 'segment-000000000001.log');
  const bytes = readFileSync(segment);
  const log = BlockLog.open(blockLogDir(source), { readOnly: true }).log;
  const offsetOf17 = Buffer.concat([...log.iterate(1, 16)].map((r) => Buffer.alloc(24 + r.payload.length))).length;
  log.close();
  bytes.writeUInt8(bytes.readUInt8(offsetOf17 + 24 + 40) ^ 0x01, offsetOf17 + 24 + 40); // inside record 17's payload
  writeFileSync(segment, bytes);
  const report = await verifyDataDir(damaged, quiet);
  assert.not.ok(report.ok);
  assert.is(report.chain_problem?.height, 17);

  const other = copyOf('other');
  rollbackDataDir(other, 30);
  const writer = await ChainWriter.open(other, { fsync: 'never', ...quiet });
  for (let i = 0; i < 3; i++) writer.produce({ timeNs: writer.lastBlockTimeNs + 900_000_000_000n, txs: [] }); // empty blocks: another history from 31
  writer.close();
  const bisect = await bisectDataDirs(source, other, quiet);
  assert.is(bisect.first_difference, 31);
  assert.is(bisect.kind, 'records_differ');
  assert.ok(bisect.entries.length > 0 && bisect.entries.every((e) => e.left !== e.right));
  assert.ok(bisect.probes <= 8, `binary search: ${bisect.probes} probes`);
});

test('verify --against a prefix of the chain: the height one run lacks is said in words (CLI)', async () => {
  const shorter = copyOf('shorter');
  rollbackDataDir(shorter, 30);
  const run = await runCli(['verify', '--data', shorter, '--against', source, '--no-progress']);
  assert.is(run.code, 1, 'the runs differ');
  const lines = run.stdout.trim().split('\n');
  assert.match(lines[0]!, /^first difference at height 31: identical through 30, where the left run ends and the right goes on \(prefix; \d+ probes?\)$/);
  // QA of 2026-12-06: these read "block -, root -".
  assert.is(lines[1], '  left:  last height 30, no block 31');
  const recorded = readStoredRoots(source)[30]!;
  assert.is(recorded.height, 31);
  assert.is(lines[2], `  right: last height 36; at 31: block ${recorded.block_hash}, state root ${recorded.state_root}`);
});

test('rollback cuts log and snapshots to H; the chain verifies at H', async () => {
  const dir = copyOf('rolled');
  const recorded = readStoredRoots(source);
  const report = rollbackDataDir(dir, 25);
  assert.is(report.removed_blocks, 11);
  assert.equal(listSnapshots(dir).map((s) => s.height), [10, 20]);
  const verified = await verifyDataDir(dir, quiet);
  assert.ok(verified.ok);
  assert.is(verified.last_height, 25);
  assert.is(verified.state_root, recorded[24]!.state_root);
  assert.is(loadGenesisOfDataDir(dir).config.chain_id, loadGenesisOfDataDir(source).config.chain_id);
});

test.run();
