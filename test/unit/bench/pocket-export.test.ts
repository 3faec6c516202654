/**
 * Goal: the import benchmark's workload (bench/lib/pocket-export.ts) is the same file for the same
 * seed, and a file the importer accepts whole: the accounts and validators added, the staked pool
 * and the supply raised to match (the parser checks both), the validator set after H recomputed.
 * Method: a 3-block simulated chain on the e2e localnet genesis, exported and stripped to
 * pocket-core's shape, grown by 200 accounts and 30 validators with two seeds; parseGenesis and
 * importGenesis of the text.
 */
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exportText, growExport, pocketCoreShape } from '../../../bench/lib/pocket-export.js';
import { exportDataDir } from '../../../src/cli/commands/export.js';
import { Prng } from '../../../src/core/prng.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { VALIDATOR_SET_KEY } from '../../../src/modules/nodes/index.js';
import { simulate } from '../../../src/sim/simulator.js';
import { fixturePath } from '../../helpers/paths.js';
import { scratch } from '../../helpers/sim.js';

const growth = { accounts: 200, validators: 30, chainsPerValidator: 10 };
const tmp = scratch('pocket-export');
let base: Record<string, unknown>;

const exported = suite('bench: the import workload (pocket-core-shaped export)');

exported.before(async () => {
  const dir = `${tmp.dir}/chain`;
  await simulate({ dataDir: dir, genesisFile: fixturePath('e2e-single-node-genesis.json'), seed: 3n, blocks: 3, txsPerBlock: 2, fsync: 'never', workers: 0 });
  base = pocketCoreShape(await exportDataDir(dir, 3));
});

exported.after(() => tmp.remove());

const digest = (text: string): string => createHash('sha256').update(text).digest('hex');

exported('the base has pocket-core\'s sections only, and the same seed grows it into the same bytes', () => {
  assert.is(base['pokt_ledger'], undefined);
  const first = exportText(growExport(base, new Prng(7), growth).doc);
  const again = exportText(growExport(base, new Prng(7), growth).doc);
  const other = exportText(growExport(base, new Prng(8), growth).doc);
  assert.is(digest(again), digest(first));
  assert.is.not(digest(other), digest(first));
  assert.ok(first.startsWith('{\n    "app_hash"'), first.slice(0, 40)); // SortJSON's order and four-space indent
});

exported('parseGenesis accepts the grown file whole and importGenesis holds every account and validator', () => {
  const grown = growExport(base, new Prng(7), growth);
  const parsed = parseGenesis(exportText(grown.doc));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error.slice(0, 3)));
  const doc = parsed.value;
  const baseAccounts = (base['app_state'] as { auth: { accounts: Array<{ type: string }> } }).auth.accounts.filter((a) => a.type === 'posmint/Account').length;
  assert.is(grown.accounts, baseAccounts + growth.accounts);
  assert.is(doc.accounts.length, grown.accounts);
  assert.is(doc.validators.length, grown.validators);
  assert.ok(doc.validators.filter((v) => v.chains.length === growth.chainsPerValidator).length >= growth.validators);
  assert.is(doc.exported?.signingInfos.length, grown.validators);
  const state = importGenesis(doc);
  assert.is(state.nodes.validators.size, grown.validators);
  const set = state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
  assert.ok(set.length > 0 && BigInt(set.length) <= state.params().pos.maxValidators, String(set.length));
});

exported.run();
