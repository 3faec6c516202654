/**
 * Goal: pre-verification on the worker pool (runtime/ingest.ts prepareAhead / prepareVerified:
 * the txs' own signatures AND the relay proofs' AAT and client signatures, published by the
 * workers in shared memory and read by the ante handler and ValidateBasic) gives exactly what
 * inline verification gives — the same ValidateBasic outcome,
 * the same signature verdict, and, applied, the same receipts and state root.
 * Method: a relay chain with a live claim; one block of proofs where each is broken in one way a
 * signature check catches (AAT signature flipped, client signature flipped, client signature
 * not hex, a 63-byte signature, the tx's own signature flipped) plus the valid proof, a send and an
 * undecodable tx. The block is applied on identical states: with the pool's prepared txs after
 * the pool answered, with prepareAhead's txs at once (the reducer reading verdicts while the
 * workers publish them), and through applyBlock's inline path (prepareTx + verify on this thread). The
 * codes of the broken proofs are pocket-core's (x/pocketcore/types/crypto.go SignatureVerification:
 * 41 does not verify, 39 not hex, 38 not 64 bytes; aat.go: 4 invalid token; sdk:4 unauthorized).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyBlock } from '../../../src/chain/apply-block.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { prepareTx, trustSignature, verificationInput, verifyPrepared, type PreparedTx } from '../../../src/chain/prepare.js';
import { buildBlock } from '../../../src/chain/producer.js';
import { CHAIN_META_KEY } from '../../../src/state/chain-tables.js';
import { SharedVerdicts } from '../../../src/crypto/shared-verdicts.js';
import { VerdictMemory } from '../../../src/crypto/verdict-memory.js';
import { VERDICT_CLAIMED, VERDICT_INVALID, VERDICT_VALID } from '../../../src/crypto/verify-batch.js';
import { verify } from '../../../src/crypto/ed25519.js';
import { LazyVerifyPool, VerifyPool, type VerifyBatcher, type VerifyItem } from '../../../src/crypto/verify-pool.js';
import { relayProofSignatureItems } from '../../../src/messages/index.js';
import { prepareAhead, prepareVerified } from '../../../src/runtime/ingest.js';
import { claimMessage, proofMessage, type SessionEvidence } from '../../../src/sim/relay-evidence.js';
import type { WireRelayProof } from '../../../src/wire/types.js';
import { decodeTx } from '../../../src/wire/index.js';
import { sendMsg, signTx, testKey, type TestKey } from '../../helpers/chain.js';
import { advanceTo, appKey, codeOf, evidenceOf, flipHex, headerOf, keyOf, POKT, requiredIndex, servicerKeys, sessionAtEnd, startRelayChain } from '../../helpers/relays.js';

/** A tx's own signature item as the pool would get it (undefined when it cannot be checked statelessly). */
const verificationItem = (tx: Uint8Array, chainId: string) => verificationInput(prepareTx(tx, chainId));

interface Scene {
  readonly state: LedgerState;
  readonly servicer: TestKey;
  readonly evidence: SessionEvidence;
}

/** A relay chain at height 12 with one live claim (deterministic: fixed tx entropies, so two calls build identical states). */
function scene(): Scene {
  const state = startRelayChain({ servicers: servicerKeys.map((key) => ({ key, tokensUpokt: 30_000n * POKT })) });
  advanceTo(state, 4);
  const header = headerOf(appKey, '0001', 1);
  const servicer = keyOf(sessionAtEnd(state, header).nodes[0]!);
  const evidence = evidenceOf(header, servicer, 16);
  const meta = state.chain.meta.get(CHAIN_META_KEY)!;
  const claim = applyBlock(state, buildBlock(state, { timeNs: meta.lastBlockTimeNs + 60_000_000_000n, txs: [signTx(servicer, claimMessage(evidence, servicer.address), { entropy: 7n })] }));
  assert.is(codeOf(claim.receipts[0]!), 'ok', claim.receipts[0]!.log);
  advanceTo(state, 12);
  return { state, servicer, evidence };
}

/** The tx bytes with the last byte of its 64-byte signature flipped (found by value). */
function withTxSignatureFlipped(tx: Uint8Array): Uint8Array {
  const decoded = decodeTx(tx);
  if (!decoded.ok) throw new Error('test tx does not decode');
  const signature = Buffer.from(decoded.value.signature.signature, 'hex');
  const at = Buffer.from(tx).indexOf(signature);
  assert.ok(at > 0, 'signature bytes found in the tx');
  const out = Uint8Array.from(tx);
  out[at + 63] = (out[at + 63] as number) ^ 1;
  return out;
}

/** The block's txs and the code pocket-core gives each (the first valid proof settles the claim, so a later valid one finds none: 65). */
function blockTxs({ state, servicer, evidence }: Scene): Array<{ readonly tx: Uint8Array; readonly code: string }> {
  const index = requiredIndex(state, evidence);
  const leaf = evidence.proofs[evidence.tree.order[index]!]!;
  const proof = (changed: Partial<WireRelayProof>, entropy: bigint): Uint8Array =>
    signTx(servicer, proofMessage(evidence, index, { leaf: { ...leaf, ...changed } }), { entropy });
  const sender = testKey('relay-app');
  return [
    { tx: proof({ aat: { ...leaf.aat, signature: flipHex(leaf.aat.signature) } }, 101n), code: 'pocketcore:4' },
    { tx: proof({ signature: flipHex(leaf.signature) }, 102n), code: 'pocketcore:41' },
    { tx: proof({ signature: `zz${leaf.signature.slice(2)}` }, 103n), code: 'pocketcore:39' },
    { tx: proof({ signature: leaf.signature.slice(2) }, 104n), code: 'pocketcore:38' },
    { tx: withTxSignatureFlipped(proof({}, 105n)), code: 'sdk:4' },
    { tx: Uint8Array.from([0x0a, 0x03, 0x01]), code: 'sdk:2' },
    { tx: signTx(sender, sendMsg(sender, servicer, 1n), { entropy: 106n }), code: 'ok' },
    { tx: proof({}, 107n), code: 'ok' },
    { tx: proof({}, 108n), code: 'pocketcore:65' },
  ];
}

let pool: VerifyPool;
const ingest = suite('runtime/ingest: pool pre-verification = inline verification');
ingest.before(async () => {
  pool = await VerifyPool.create({ workers: 2, minChunk: 1 });
});
ingest.after(() => pool.close());

ingest('every broken signature gives the same ValidateBasic outcome and verdict as inline', async () => {
  const s = scene();
  const chainId = s.state.chain.meta.get(CHAIN_META_KEY)!.chainId;
  const txs = blockTxs(s).map((t) => t.tx);
  const pooled = await prepareVerified(txs, chainId, pool);
  const inline = txs.map((tx) => {
    const prepared = prepareTx(tx, chainId);
    verifyPrepared(prepared);
    return prepared;
  });
  assert.is(pooled.length, inline.length);
  pooled.forEach((p, i) => {
    assert.equal(p.message, inline[i]!.message, `tx ${i}: ValidateBasic`);
    assert.is(p.signature, inline[i]!.signature, `tx ${i}: signature verdict`);
    assert.is(p.hash, inline[i]!.hash);
  });
});

ingest('a block applied with pool verdicts (after the pool, or while it verifies) gives the receipts and root of inline verification, codes as pocket-core', async () => {
  const [afterPool, whileVerifying, viaInline] = [scene(), scene(), scene()];
  const expected = blockTxs(afterPool);
  const txs = expected.map((t) => t.tx);
  assert.equal(blockTxs(viaInline).map((t) => t.tx), txs, 'the scenes build the same txs');
  assert.equal(blockTxs(whileVerifying).map((t) => t.tx), txs, 'the scenes build the same txs');
  const meta = afterPool.state.chain.meta.get(CHAIN_META_KEY)!;
  const block = buildBlock(afterPool.state, { timeNs: meta.lastBlockTimeNs + 60_000_000_000n, txs });
  const pooled = applyBlock(afterPool.state, block, { prepared: await prepareVerified(txs, meta.chainId, pool) });
  const ahead = prepareAhead(txs, meta.chainId, pool);
  const overlapped = applyBlock(whileVerifying.state, block, { prepared: ahead.prepared });
  await ahead.verified;
  const inline = applyBlock(viaInline.state, block);
  assert.equal(pooled.receipts.map(codeOf), expected.map((t) => t.code));
  assert.equal(pooled.receipts, inline.receipts);
  assert.equal(overlapped.receipts, inline.receipts);
  assert.is(pooled.stateRoot, inline.stateRoot);
  assert.is(overlapped.stateRoot, inline.stateRoot);
});

ingest('own verdicts recorded (a trusted replay) and a pool that cannot start: relay signatures are verified on this thread, receipts and root as inline', async () => {
  const [recorded, viaInline] = [scene(), scene()];
  const expected = blockTxs(recorded);
  const txs = expected.map((t) => t.tx);
  const meta = recorded.state.chain.meta.get(CHAIN_META_KEY)!;
  const block = buildBlock(recorded.state, { timeNs: meta.lastBlockTimeNs + 60_000_000_000n, txs });
  const broken = new LazyVerifyPool({ workers: 0 });
  const ahead = prepareAhead(txs, meta.chainId, broken, 'recorded');
  // What the producer's record says (chain/record.ts invalidSignatures): only the tx whose own signature was flipped.
  for (const prepared of ahead.prepared) trustSignature(prepared);
  const flipped = expected.findIndex((t) => t.code === 'sdk:4');
  ahead.prepared[flipped]!.signature = 'invalid';
  await ahead.verified;
  const result = applyBlock(recorded.state, block, { prepared: ahead.prepared });
  const inline = applyBlock(viaInline.state, block);
  assert.equal(result.receipts.map(codeOf), expected.map((t) => t.code));
  assert.equal(result.receipts, inline.receipts);
  assert.is(result.stateRoot, inline.stateRoot);
  await broken.close();
});

ingest('signatures repeated in a block (one AAT carried by many proofs) go to the pool once, and every proof reads that one verdict', async () => {
  const s = scene();
  const chainId = s.state.chain.meta.get(CHAIN_META_KEY)!.chainId;
  const txs = blockTxs(s).map((t) => t.tx);
  const posted: Array<{ publicKey: Uint8Array; message: Uint8Array; signature: Uint8Array }> = [];
  // A pool that records what it is asked to verify and answers through the real one.
  const recording = { verifyBatch: (items: typeof posted, options?: Parameters<VerifyPool['verifyBatch']>[1]) => (posted.push(...items), pool.verifyBatch(items, options)) } as unknown as VerifyPool;
  // A fresh verdict memory: what earlier tests verified must not be left out of this count.
  const ahead = prepareAhead(txs, chainId, recording, 'verify', new VerdictMemory());
  await ahead.verified;
  const hex = (item: (typeof posted)[number]): string => Buffer.concat([item.publicKey, item.message, item.signature]).toString('hex');
  // Independent count: every signature the txs carry (own + relay AAT and client), by value.
  const carried = txs.flatMap((tx) => {
    const decoded = decodeTx(tx);
    if (!decoded.ok) return [];
    const own = verificationItem(tx, chainId);
    const relay = decoded.value.msg.kind === 'Proof' && decoded.value.msg.leaf.kind === 'relay' ? relayProofSignatureItems(decoded.value.msg.leaf.proof) : [];
    return [...(own === undefined ? [] : [own]), ...relay];
  });
  const distinct = new Set(carried.map(hex));
  assert.ok(carried.length > distinct.size, `the block repeats signatures (${carried.length} carried, ${distinct.size} distinct)`);
  assert.is(new Set(posted.map(hex)).size, posted.length, 'no signature posted twice');
  assert.is(posted.length, distinct.size, 'every distinct signature posted');
  ahead.prepared.forEach((p, i) => {
    const inline = prepareTx(txs[i]!, chainId);
    verifyPrepared(inline);
    assert.equal(p.message, inline.message, `tx ${i}: ValidateBasic`);
    assert.is(p.signature, inline.signature, `tx ${i}: signature verdict`);
  });
});

ingest('an AAT found valid in an earlier block is not posted again, and reads valid; an invalid AAT, or its signature over other bytes, is always verified', async () => {
  const s = scene();
  const chainId = s.state.chain.meta.get(CHAIN_META_KEY)!.chainId;
  const txs = blockTxs(s).map((t) => t.tx);
  const memory = new VerdictMemory();
  const postedBy = async (block: readonly Uint8Array[]): Promise<{ posted: VerifyItem[]; prepared: PreparedTx[] }> => {
    const posted: VerifyItem[] = [];
    const recording: VerifyBatcher = { verifyBatch: (items, options) => (posted.push(...items), pool.verifyBatch(items, options)) };
    const ahead = prepareAhead(block, chainId, recording, 'verify', memory);
    await ahead.verified;
    for (const p of ahead.prepared) void p.message; // ValidateBasic reads the relay verdicts (and remembers valid AATs)
    return { posted, prepared: ahead.prepared };
  };
  const aatOf = (tx: Uint8Array): VerifyItem | undefined => {
    const decoded = decodeTx(tx);
    return decoded.ok && decoded.value.msg.kind === 'Proof' && decoded.value.msg.leaf.kind === 'relay' ? relayProofSignatureItems(decoded.value.msg.leaf.proof).find((i) => i.recurring === true) : undefined;
  };
  const hex = (item: VerifyItem): string => Buffer.concat([item.publicKey, item.message, item.signature]).toString('hex');
  // Independent: which AATs of the block verify (inline, by value).
  const aats = [...new Map(txs.map(aatOf).filter((i): i is VerifyItem => i !== undefined).map((i) => [hex(i), i])).values()];
  const validAats = aats.filter((i) => verify(i.publicKey, i.message, i.signature)).map(hex);
  const invalidAats = aats.map(hex).filter((h) => !validAats.includes(h));
  assert.ok(validAats.length >= 1 && invalidAats.length >= 1, `the block has valid (${validAats.length}) and invalid (${invalidAats.length}) AATs`);

  const first = await postedBy(txs);
  const second = await postedBy(txs);
  const postedFirst = new Set(first.posted.map(hex));
  const postedSecond = new Set(second.posted.map(hex));
  for (const h of validAats) assert.ok(postedFirst.has(h) && !postedSecond.has(h), 'a valid AAT: posted in the first block only');
  for (const h of invalidAats) assert.ok(postedFirst.has(h) && postedSecond.has(h), 'an invalid AAT: posted in both');
  assert.is(second.posted.length, first.posted.length - validAats.length, 'nothing else is left out');
  second.prepared.forEach((p, i) => {
    const inline = prepareTx(txs[i]!, chainId);
    verifyPrepared(inline);
    assert.equal(p.message, inline.message, `tx ${i}: ValidateBasic`);
    assert.is(p.signature, inline.signature, `tx ${i}: signature verdict`);
  });

  // Hostile: a remembered AAT's signature bytes over another message (the client item's) or key.
  const valid = aats.find((i) => validAats.includes(hex(i)))!;
  const otherMessage = { ...valid, message: Uint8Array.from(valid.message, (b, k) => (k === 0 ? b ^ 1 : b)) };
  const otherKey = { ...valid, publicKey: servicerKeyBytes() };
  const shared = new SharedVerdicts(4, memory);
  assert.not.ok(shared.expect(valid, 0), 'the remembered AAT itself: nothing to post');
  assert.ok(shared.expect(otherMessage, 0), 'its signature over another message: posted');
  assert.ok(shared.expect(otherKey, 1), 'its signature under another key: posted');
  assert.ok(shared.verify(valid.publicKey, valid.message, valid.signature), 'the remembered AAT reads valid');
  assert.is(shared.remembered, 1);
});

/** Some valid public key that did not sign the AAT. */
function servicerKeyBytes(): Uint8Array {
  return Buffer.from(servicerKeys[0]!.publicKey, 'hex');
}

ingest('the relay items are the two checks ValidateBasic makes; their published verdicts are what is read, anything else is verified here', () => {
  const { evidence } = scene();
  const leaf = evidence.proofs[0]!;
  const items = relayProofSignatureItems(leaf);
  assert.is(items.length, 2);
  const shared = new SharedVerdicts(4);
  items.forEach((item, slot) => shared.expect(item, slot));
  Atomics.store(shared.verdicts, 0, VERDICT_VALID);
  // A published verdict is what is read (so a wrong one would show): slot 1 says invalid for a valid signature.
  Atomics.store(shared.verdicts, 1, VERDICT_INVALID);
  assert.ok(shared.verify(items[0]!.publicKey, items[0]!.message, items[0]!.signature));
  assert.not.ok(shared.verify(items[1]!.publicKey, items[1]!.message, items[1]!.signature));
  assert.is(shared.hits, 2);
  // Other bytes (one message byte changed) have no slot and are verified on this thread.
  const message = Uint8Array.from(items[1]!.message);
  message[0] = (message[0] as number) ^ 1;
  assert.not.ok(shared.verify(items[1]!.publicKey, message, items[1]!.signature));
  assert.is(shared.misses, 1);
});

ingest('one signature over other bytes (another key or message) is its own item: posted, and each reader gets its own verdict', () => {
  const { evidence } = scene();
  const [aat, client] = relayProofSignatureItems(evidence.proofs[0]!);
  // Hostile reuse: the AAT's signature bytes carried over the client item's key and message.
  const reused = { publicKey: client!.publicKey, message: client!.message, signature: aat!.signature };
  const otherMessage = { publicKey: aat!.publicKey, message: client!.message, signature: aat!.signature };
  const shared = new SharedVerdicts(4);
  assert.ok(shared.expect(aat!, 0), 'first: posted');
  assert.ok(shared.expect(reused, 1), 'same signature, other key and message: posted too');
  assert.ok(shared.expect(otherMessage, 2), 'same signature and key, other message: posted too');
  assert.not.ok(shared.expect({ ...aat! }, 3), 'the very same bytes again: shares slot 0');
  Atomics.store(shared.verdicts, 0, VERDICT_VALID);
  // Published verdicts are what is read: slots 1 and 2 say valid/invalid whatever the bytes are, so a mix-up would show.
  Atomics.store(shared.verdicts, 1, VERDICT_INVALID);
  Atomics.store(shared.verdicts, 2, VERDICT_VALID);
  assert.ok(shared.verify(aat!.publicKey, aat!.message, aat!.signature), 'slot 0');
  assert.not.ok(shared.verify(reused.publicKey, reused.message, reused.signature), 'slot 1');
  assert.ok(shared.verify(otherMessage.publicKey, otherMessage.message, otherMessage.signature), 'slot 2');
  assert.is(shared.hits, 3);
  assert.is(shared.misses, 0);
});

ingest('a pending verdict is claimed and verified by the reader; one a dead worker claimed is verified after the wait (never a hang, never another answer)', () => {
  const { evidence } = scene();
  const [aat, client] = relayProofSignatureItems(evidence.proofs[0]!);
  const shared = new SharedVerdicts(2);
  shared.expect(aat!, 0);
  shared.expect(client!, 1);
  assert.ok(shared.verify(aat!.publicKey, aat!.message, aat!.signature));
  assert.is(Atomics.load(shared.verdicts, 0), VERDICT_VALID, 'published for the worker to skip');
  Atomics.store(shared.verdicts, 1, VERDICT_CLAIMED); // claimed by a worker that then died
  assert.ok(shared.verify(client!.publicKey, client!.message, client!.signature), 'the valid client signature verifies after the wait');
  assert.is(shared.misses, 2);
});

ingest.run();
