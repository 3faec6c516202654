/**
 * Ingest: raw tx bytes → PreparedTx with their signature verdicts, ready for applyBlock. Decoding
 * runs here (main thread); every signature a tx carries — its own, and a relay proof's AAT and
 * client signatures that ValidateBasic checks — is verified on the worker pool, so neither the
 * reducer nor ValidateBasic verifies on the main thread. The workers publish each verdict into
 * shared memory as they go (crypto/shared-verdicts.ts), so the reducer can apply the block while
 * its signatures are being verified (prepareAhead), reading a verdict — waiting for it only if it
 * is not there yet — when the ante handler or ValidateBasic asks. A verdict is a pure function of
 * the bytes (chain/prepare.ts), so where and when it was computed cannot change a result
 * (test/unit/runtime/ingest).
 */
import { hashTxBytes, prepareTx, txSignatureInput, verificationInput, verifyPrepared } from '../chain/prepare.js';
import { SharedVerdicts } from '../crypto/shared-verdicts.js';
import { relayProofSignatureItems, validateBasic } from '../messages/index.js';
import { decodeTx, signBytes } from '../wire/index.js';
/**
 * Items per pool batch. The sign bytes of each slice are computed and the slice is posted before
 * the next slice is prepared, so the workers start verifying after the first slice instead of
 * after the whole block (the main thread's preparation overlaps their work).
 */
export const VERIFY_SLICE = 256;
/** A tx's own signature (the most a tx carries: its own + a relay proof's two). */
const MAX_SIGNATURES_PER_TX = 3;
/**
 * A PreparedTx whose verdicts come from the pool: ValidateBasic runs on first read of `message`
 * (its relay-proof signature checks read the workers' verdicts), and `signature` reads its slot.
 */
class PoolPreparedTx {
    bytes;
    chainId;
    decoded;
    signBytes;
    shared;
    own;
    hash;
    verdict;
    validated;
    constructor(bytes, chainId, decoded, signBytes, shared, 
    /** Its own signature's slot, or undefined when it cannot be checked statelessly ('unchecked'). */
    own) {
        this.bytes = bytes;
        this.chainId = chainId;
        this.decoded = decoded;
        this.signBytes = signBytes;
        this.shared = shared;
        this.own = own;
        this.hash = decoded.ok ? decoded.value.hash : hashTxBytes(bytes);
    }
    get message() {
        if (!this.decoded.ok)
            return undefined;
        this.validated ??= validateBasic(this.decoded.value.msg, this.shared.verify);
        return this.validated;
    }
    get signature() {
        if (this.verdict === undefined && this.own !== undefined)
            this.verdict = this.shared.verdictAt(this.own.slot, this.own.item) ? 'valid' : 'invalid';
        return this.verdict ?? 'unchecked';
    }
    set signature(verdict) {
        this.verdict = verdict;
    }
}
/**
 * Decode every tx, post all its signatures to the pool slice by slice, and return at once: the
 * caller may apply the block while the workers verify (reads block until their verdict is in).
 */
export function prepareAhead(txs, chainId, pool) {
    const shared = new SharedVerdicts(MAX_SIGNATURES_PER_TX * txs.length);
    const prepared = [];
    const pending = [];
    let base = 0;
    for (let start = 0; start < txs.length; start += VERIFY_SLICE) {
        const items = [];
        for (const bytes of txs.slice(start, start + VERIFY_SLICE))
            prepared.push(preparedWithSlots(bytes, chainId, shared, base, items));
        if (items.length > 0)
            pending.push(pool.verifyBatch(items, { verdicts: shared.verdicts, base }).catch(() => undefined));
        base += items.length;
    }
    return { prepared, verified: Promise.all(pending).then(() => undefined) };
}
/** Decode one tx and append its signature items (slots base + position in `items`). */
function preparedWithSlots(bytes, chainId, shared, base, items) {
    const decoded = decodeTx(bytes);
    if (!decoded.ok)
        return new PoolPreparedTx(bytes, chainId, decoded, undefined, shared, undefined);
    const tx = decoded.value;
    let txSignBytes;
    const input = txSignatureInput(tx, () => (txSignBytes = signBytes(chainId, tx)));
    const own = input === undefined ? undefined : { slot: base + items.push(input) - 1, item: input };
    if (tx.msg.kind === 'Proof' && tx.msg.leaf.kind === 'relay') {
        // A signature already in this block (a repeated AAT) is verified once: expect() says so.
        for (const item of relayProofSignatureItems(tx.msg.leaf.proof))
            if (shared.expect(item, base + items.length))
                items.push(item);
    }
    return new PoolPreparedTx(bytes, chainId, decoded, txSignBytes, shared, own);
}
/** Prepare every tx and verify, on the pool, every signature it carries (prepareAhead, then wait for the pool). */
export async function prepareVerified(txs, chainId, pool) {
    const ahead = prepareAhead(txs, chainId, pool);
    await ahead.verified;
    return ahead.prepared;
}
/** Verify, on the pool, every prepared tx whose signature can be checked without state. */
export async function verifyOnPool(prepared, pool) {
    const pending = [];
    for (let start = 0; start < prepared.length; start += VERIFY_SLICE)
        pending.push(verifySlice(prepared.slice(start, start + VERIFY_SLICE), pool));
    await Promise.all(pending);
}
/** Computes the slice's verification inputs and posts them (synchronously) to the pool. */
function verifySlice(prepared, pool) {
    const checkable = [];
    const inputs = [];
    for (const tx of prepared) {
        if (tx.signature !== 'unchecked')
            continue;
        const input = verificationInput(tx);
        if (input === undefined)
            continue;
        checkable.push(tx);
        inputs.push(input);
    }
    if (inputs.length === 0)
        return Promise.resolve();
    return pool.verifyBatch(inputs).then((verdicts) => {
        checkable.forEach((tx, i) => {
            tx.signature = verdicts[i] === 1 ? 'valid' : 'invalid';
        });
    });
}
/** The same on the calling thread (one core). */
export function prepareVerifiedInline(txs, chainId) {
    const prepared = txs.map((tx) => prepareTx(tx, chainId));
    for (const tx of prepared)
        verifyPrepared(tx);
    return prepared;
}
//# sourceMappingURL=ingest.js.map