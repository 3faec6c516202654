/**
 * Goal: a claim still open in an exported state is settled after the import as on the exporting
 * chain — the proof delivered after H pays the same relay reward — and the audit of the imported
 * chain explains that reward (its shadow starts with the export's open claims), 0 mismatches.
 * Method: a relay chain (test/helpers/relays.ts: BlocksPerSession 4, proofs from block 13)
 * written by the real ChainWriter; a servicer of session 1 claims 10 relays at block 5; the
 * chain is exported at H = 8 (`export`), a new data directory is initialised from that file and
 * continued to block 13, where the servicer's proof lands. The exporting chain is continued the
 * same way: both must record the same proof code and the same minted amount at 13. Then the
 * imported chain is projected and audited.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { exportDataDir } from '../../../src/cli/commands/export.js';
import { relayRewardMintedUpokt } from '../../../src/modules/pocketcore/events.js';
import { project } from '../../../src/projection/run.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import type { SessionEvidence } from '../../../src/sim/relay-evidence.js';
import { BLOCK_INTERVAL_NS } from '../../helpers/chain.js';
import { scratch } from '../../helpers/sim.js';
import { appKey, claimTx, evidenceOf, headerOf, keyOf, proofTx, relayChainSpec, requiredIndex, sessionAtEnd } from '../../helpers/relays.js';
import { stakingGenesisJson } from '../../helpers/staking.js';

const test = suite('history: claims open in an exported state');
const CLAIM_HEIGHT = 5;
const EXPORT_HEIGHT = 8;
const PROOF_HEIGHT = 13;
const quiet = { onWarning: () => undefined };

interface Continued {
  readonly proofCode: number;
  readonly mintedAtProof: bigint;
}

/** Produces blocks up to `to`, the proof at PROOF_HEIGHT; what the proof's block recorded. */
async function continueTo(dir: string, to: number, evidence: SessionEvidence, servicerAddress: string): Promise<Continued | undefined> {
  const writer = await ChainWriter.open(dir, { fsync: 'never', ...quiet });
  const servicer = keyOf(servicerAddress as never);
  let continued: Continued | undefined;
  try {
    while (writer.height < to) {
      const height = writer.height + 1;
      const txs = height === CLAIM_HEIGHT ? [claimTx(servicer, evidence)] : height === PROOF_HEIGHT ? [proofTx(servicer, evidence, requiredIndex(writer.state, evidence))] : [];
      const { result } = writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs });
      if (height === CLAIM_HEIGHT) assert.is(result.receipts[0]!.code, 0, `claim: ${result.receipts[0]!.log}`);
      if (height === PROOF_HEIGHT) continued = { proofCode: result.receipts[0]!.code, mintedAtProof: relayRewardMintedUpokt(result.receipts[0]!.events) };
    }
    return continued;
  } finally {
    writer.close();
  }
}

test('a proof after the import settles the exported claim; the audit of the imported chain explains it', async () => {
  const tmp = scratch('imported-claims');
  try {
    await settleAfterImport(tmp.dir);
  } finally {
    tmp.remove();
  }
});

async function settleAfterImport(root: string): Promise<void> {
  const genesis = join(root, 'genesis.json');
  writeFileSync(genesis, stakingGenesisJson(relayChainSpec()));
  const source = join(root, 'source');
  initDataDir(source, genesis);

  // The session of blocks 1–4: its first servicer claims 10 relays at block 5.
  const writer = await ChainWriter.open(source, { fsync: 'never', ...quiet });
  while (writer.height < 4) writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
  const header = headerOf(appKey, '0001', 1);
  const servicerAddress = sessionAtEnd(writer.state, header).nodes[0]!;
  writer.close();
  const evidence = evidenceOf(header, keyOf(servicerAddress), 10);
  assert.is(await continueTo(source, EXPORT_HEIGHT, evidence, servicerAddress), undefined);

  const file = join(root, 'exported.json');
  const exported = (await exportDataDir(source, EXPORT_HEIGHT)) as { app_state: { pocketcore: { claims: unknown[] } } };
  assert.is(exported.app_state.pocketcore.claims.length, 1, 'the export carries the open claim');
  writeFileSync(file, JSON.stringify(exported));
  const imported = join(root, 'imported');
  initDataDir(imported, file);

  const onSource = await continueTo(source, PROOF_HEIGHT, evidence, servicerAddress);
  const onImport = await continueTo(imported, PROOF_HEIGHT, evidence, servicerAddress);
  assert.is(onSource?.proofCode, 0, 'the proof is accepted on the exporting chain');
  assert.equal(onImport, onSource, 'the imported chain settles the claim the same way');
  assert.ok(onSource!.mintedAtProof > 0n, 'the proof minted a relay reward');

  await project(imported);
  const audit = await runAudit({ dataDir: imported });
  assert.equal([audit.from, audit.to, audit.mismatches, audit.supply_ok], [EXPORT_HEIGHT + 1, PROOF_HEIGHT, 0, true], JSON.stringify(audit.mismatch_list.slice(0, 5)));
  assert.ok(audit.reward_lines > 0, 'the audit recomputed the relay reward lines');
}

test.run();
