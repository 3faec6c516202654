/**
 * The audit's claim rules where pocket-core's int64 heights wrap: a claim's expiration
 * h + ClaimExpiration·BPS (x/pocketcore/keeper/claim.go:238) and the claim window
 * SBH + ClaimSubmissionWindow·BPS (ClaimIsMature, claim.go:368-371) are Go int64 sums, so
 * 2^63 − 1 sessions of 4 blocks is −4: a claim that expires at the next BeginBlock (its proof
 * then finds no claim, pocketcore:65), a window closed at once (every claim pocketcore:69).
 * Method: a relay chain (test/helpers/relays.ts) in a data directory with such a genesis value,
 * claims and proofs for session 1 by its nodes, projected and audited: no mismatch, and the
 * audit itself re-decided the codes pocket-core gives.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { project } from '../../../src/projection/run.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { BLOCK_INTERVAL_NS } from '../../helpers/chain.js';
import { appKey, claimTx, evidenceOf, headerOf, keyOf, proofTx, relayChainSpec, requiredIndex, sessionAtEnd } from '../../helpers/relays.js';
import { stakingGenesisJson } from '../../helpers/staking.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('audit: claim heights in Go int64 arithmetic');

const MAX_INT64 = ((1n << 63n) - 1n).toString();

async function audited(pocketcore: Readonly<Record<string, string>>): Promise<Awaited<ReturnType<typeof runAudit>>> {
  const work = scratch('audit-claim-int64');
  try {
    const genesisFile = join(work.dir, 'genesis.json');
    writeFileSync(genesisFile, stakingGenesisJson(relayChainSpec({ params: { pocketcore } })));
    const dir = join(work.dir, 'chain');
    initDataDir(dir, genesisFile);
    const writer = await ChainWriter.open(dir, { fsync: 'never', onWarning: () => undefined });
    const produce = (txs: Uint8Array[] = []): void => void writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs });
    const state = (): LedgerState => writer.state;
    for (let h = 1; h <= 4; h++) produce();
    const header = headerOf(appKey, '0001', 1);
    const nodes = sessionAtEnd(state(), header).nodes.map((address) => keyOf(address));
    const evidences = nodes.map((node) => [node, evidenceOf(header, node, 6)] as const);
    produce(evidences.map(([node, evidence]) => claimTx(node, evidence)));
    for (let h = 6; h <= 8; h++) produce();
    // No claim is live by now in either chain: any leaf will do where no seed block exists.
    const index = (evidence: (typeof evidences)[number][1]): number => {
      try {
        return requiredIndex(state(), evidence);
      } catch {
        return 0;
      }
    };
    produce(evidences.map(([node, evidence]) => proofTx(node, evidence, index(evidence))));
    writer.close();
    await project(dir);
    return await runAudit({ dataDir: dir, catchUp: false });
  } finally {
    work.remove();
  }
}

test('ClaimExpiration 2^63 − 1 at BPS 4: the claims expire at the next BeginBlock, their proofs find none (pocketcore:65)', async () => {
  const summary = await audited({ claim_expiration: MAX_INT64, proof_waiting_period: '2' });
  assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 3)));
  assert.equal(summary.claim_proof_codes, { 'claim ok': 2, 'proof pocketcore:65': 2 });
});

test('ClaimSubmissionWindow 2^63 − 1 at BPS 4: the window is closed at once (pocketcore:69)', async () => {
  const summary = await audited({ claim_expiration: MAX_INT64, proof_waiting_period: MAX_INT64 });
  assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 3)));
  assert.equal(summary.claim_proof_codes, { 'claim pocketcore:69': 2, 'proof pocketcore:65': 2 });
});

test.run();
