/**
 * Goal: a replay that trusts the txs' own signatures (`--trust-signatures`) still verifies every
 * relay proof's AAT and client signature — the record keeps no verdict for them (chain/record.ts)
 * — now on the worker pool instead of the reducer's thread (runtime/ingest.ts prepareAhead with
 * 'recorded'), and a verified replay does the same with every signature. Both must give every
 * tx the receipt the producer gave it.
 * Method: a data directory written by the real ChainWriter on the relay test chain; block 1
 * holds three proofs signed by a staked servicer with valid tx signatures: one whose relay
 * carries a client signature that does not verify, one whose AAT's app signature does not
 * verify, and one with both intact. Expected codes from pocket-core's ValidateBasic
 * (x/pocketcore/types/proof.go:105-143, PROTOCOL.md §2 MsgProof): a bad AAT is pocketcore:4,
 * a client signature that does not verify pocketcore:41. The intact proof has no claim behind
 * it, so it passes ValidateBasic and fails later, in the keeper, with another code (a replay
 * that rejected its signatures would answer 41 instead).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { TxReceipt } from '../../../src/chain/receipts.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { replay } from '../../../src/runtime/replay.js';
import { buildSessionEvidence } from '../../../src/sim/relay-evidence.js';
import { BLOCK_INTERVAL_NS } from '../../helpers/chain.js';
import { appKey, codeOf, flipHex, headerOf, proofTx, relayChainSpec, servicerKeys, signedRelays } from '../../helpers/relays.js';
import { stakingGenesisJson } from '../../helpers/staking.js';

const servicer = servicerKeys[0]!;

function proofTxs(): Uint8Array[] {
  const header = headerOf(appKey, '0001', 1);
  const relays = signedRelays(header, servicer, 5);
  const badClient = { ...relays[0]!, signature: flipHex(relays[0]!.signature) };
  const badAat = { ...relays[0]!, aat: { ...relays[0]!.aat, signature: flipHex(relays[0]!.aat.signature) } };
  const evidence = buildSessionEvidence(header, relays);
  return [proofTx(servicer, evidence, 0, { leaf: badClient }), proofTx(servicer, evidence, 0, { leaf: badAat }), proofTx(servicer, evidence, 0)];
}

async function writeChain(dir: string): Promise<string[]> {
  const writer = await ChainWriter.open(dir, { fsync: 'never' });
  try {
    const produced = writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: proofTxs() });
    writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
    return produced.result.receipts.map(codeOf);
  } finally {
    writer.close();
  }
}

const relaySignatures = suite('replay: relay proof signatures are verified whether or not the txs’ own are trusted');

relaySignatures('trusted and verified replays give every proof the producer’s code', async () => {
  const root = mkdtempSync(join(tmpdir(), 'pokt-ledger-replay-relay-sigs-'));
  try {
    const genesis = join(root, 'genesis.json');
    writeFileSync(genesis, stakingGenesisJson(relayChainSpec()));
    const dir = join(root, 'data');
    initDataDir(dir, genesis);
    const produced = await writeChain(dir);
    assert.is(produced[0], 'pocketcore:41', 'client signature that does not verify');
    assert.is(produced[1], 'pocketcore:4', 'AAT whose app signature does not verify');
    assert.not.ok(['ok', 'pocketcore:41', 'pocketcore:4'].includes(produced[2]!), `the intact proof passes ValidateBasic and fails later (got ${produced[2]})`);
    for (const trustSignatures of [true, false]) {
      const codes: string[][] = [];
      const outcome = await replay(dir, { trustSignatures, workers: 1, onBlock: (result) => codes.push(result.receipts.map((r: TxReceipt) => codeOf(r))) });
      assert.ok(outcome.verified, outcome.divergence?.detail);
      assert.equal(codes[0], produced, `block 1 replayed with trustSignatures=${trustSignatures}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

relaySignatures.run();
