/**
 * Goal: a node waiting to begin unstaking in an exported state (it sent BeginUnstake; the
 * unstake starts at the session's last block, PROTOCOL §6.4) is still waiting after the import:
 * an edit stake it sends is refused with pos:117 (NCUST: "validator is in the waiting-to-unstake
 * set", PROTOCOL §1 stake rules) on the imported chain as on the exporting one, and the audit of
 * the imported chain re-decides that code — its shadow starts with the export's waiting set
 * (`pokt_ledger.tables["pos/waiting_validators"]`, genesis/export.ts) — with 0 mismatches.
 * Method: a relay chain (test/helpers/relays.ts: BlocksPerSession 4) written by the real
 * ChainWriter; servicer 2 sends BeginUnstake at block 5; the chain is exported at H = 6 and a
 * new data directory initialised from that file; both chains continue to block 9 with the same
 * edit stake at 7. The export is checked to carry the waiting entry, so the test exercises it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { exportDataDir } from '../../../src/cli/commands/export.js';
import { project } from '../../../src/projection/run.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { BLOCK_INTERVAL_NS, signTx } from '../../helpers/chain.js';
import { scratch } from '../../helpers/sim.js';
import { codeOf, relayChainSpec, POKT, servicerKeys } from '../../helpers/relays.js';
import { beginUnstakeNodeMsg, stakeNodeMsg, stakingGenesisJson } from '../../helpers/staking.js';

const test = suite('history: a node waiting to unstake in an exported state');
const UNSTAKE_HEIGHT = 5;
const EXPORT_HEIGHT = 6;
const EDIT_HEIGHT = 7;
const LAST_HEIGHT = 9;
const quiet = { onWarning: () => undefined };
const waiter = servicerKeys[1]!;
/** From 20,000 POKT into a higher stake bin (PROTOCOL §1 rule 9: below the weight ceiling an edit must raise the bin), paid from a 30,000 POKT balance. */
const EDITED_STAKE = 40_000n * POKT;

/** The relay chain with the waiting node's account able to pay the raise (pos:112 would come first). */
function genesisJson(): string {
  const spec = relayChainSpec();
  return stakingGenesisJson({ ...spec, accounts: (spec.accounts ?? []).map((a) => (a.key === waiter ? { ...a, balanceUpokt: 30_000n * POKT } : a)) });
}

/** Produces blocks up to `to` (BeginUnstake at 5, the edit stake at 7); the edit's code. */
async function continueTo(dir: string, to: number): Promise<string | undefined> {
  const writer = await ChainWriter.open(dir, { fsync: 'never', ...quiet });
  let editCode: string | undefined;
  try {
    while (writer.height < to) {
      const height = writer.height + 1;
      const txs =
        height === UNSTAKE_HEIGHT ? [signTx(waiter, beginUnstakeNodeMsg(waiter, waiter))] : height === EDIT_HEIGHT ? [signTx(waiter, stakeNodeMsg(waiter, { value: EDITED_STAKE }))] : [];
      const { result } = writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs });
      if (height === UNSTAKE_HEIGHT) assert.is(codeOf(result.receipts[0]!), 'ok', `begin unstake: ${result.receipts[0]!.log}`);
      if (height === EDIT_HEIGHT) editCode = codeOf(result.receipts[0]!);
    }
    return editCode;
  } finally {
    writer.close();
  }
}

test('an edit stake after the import is refused as waiting (pos:117) on both chains; the audit re-decides it', async () => {
  const tmp = scratch('imported-waiting');
  try {
    await refuseAfterImport(tmp.dir);
  } finally {
    tmp.remove();
  }
});

async function refuseAfterImport(root: string): Promise<void> {
  const genesis = join(root, 'genesis.json');
  writeFileSync(genesis, genesisJson());
  const source = join(root, 'source');
  initDataDir(source, genesis);
  assert.is(await continueTo(source, EXPORT_HEIGHT), undefined);

  const exported = (await exportDataDir(source, EXPORT_HEIGHT)) as { pokt_ledger: { tables: Record<string, Array<[string, string]>> } };
  assert.equal(exported.pokt_ledger.tables['pos/waiting_validators']?.map(([address]) => address), [waiter.address], 'the export carries the waiting node');
  const file = join(root, 'exported.json');
  writeFileSync(file, JSON.stringify(exported));
  const imported = join(root, 'imported');
  initDataDir(imported, file);

  const onSource = await continueTo(source, LAST_HEIGHT);
  const onImport = await continueTo(imported, LAST_HEIGHT);
  assert.is(onSource, 'pos:117', 'the exporting chain refuses the waiting node\'s edit stake');
  assert.is(onImport, onSource, 'the imported chain refuses it the same way');

  await project(imported);
  const audit = await runAudit({ dataDir: imported });
  assert.equal([audit.from, audit.to, audit.mismatches, audit.supply_ok], [EXPORT_HEIGHT + 1, LAST_HEIGHT, 0, true], JSON.stringify(audit.mismatch_list.slice(0, 5)));
  assert.is(audit.stake_codes['stake pos:117'], 1, `the audit re-decided the refusal: ${JSON.stringify(audit.stake_codes)}`);
}

test.run();
