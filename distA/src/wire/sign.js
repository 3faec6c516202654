/**
 * What a pocket transaction signs, and building signed transactions.
 *
 * StdSignBytes (x/auth/types/stdtx.go:46-64) marshals
 *   StdSignDoc{chain_id, fee: Raw(coins JSON), memo, msg: Raw(msg.GetSignBytes()), entropy}
 * with amino JSON and key-sorts the result (MustSortJSON, types/utils.go:47-68). Facts that
 * matter for byte equality:
 * - `entropy` is an int64, which amino writes as a decimal STRING ("entropy":"3908904207717607"),
 *   so it never passes through float64 and is signed exactly, whatever its size. Verified on
 *   the mainnet tx at height 41144: the signature checks out only over the quoted form.
 * - `fee` is `Coins.MarshalJSON` (types/coin.go:179-185): stdlib JSON of [{denom,amount}], denom
 *   omitted when empty (json:"denom,omitempty"), amount the BigInt decimal, [] when no coins.
 * - `msg` is the message's own sorted amino JSON (amino-json.ts).
 * The only bare JSON numbers anywhere in a sign document are reward-delegator shares (uint32),
 * which float64 represents exactly; MustSortJSON's float64 round trip is still reproduced by
 * `sortedJson` (goFloat).
 *
 * Example (tx-h41144): {"chain_id":"mainnet","entropy":"3908904207717607","fee":[{"amount":"10000",
 * "denom":"upokt"}],"memo":"","msg":{"type":"pos/Send","value":{"amount":"8000010000",
 * "from_address":"ce16bb2714f93cfb3c00b5bd4b16dc5d8ca1687a","to_address":"fb61cfd078fdf52f3a2052c431264ff1e4ecaa45"}}}
 */
import { bytesToHex, hexToBytes } from '../core/hex.js';
import { goString, sortedJson } from '../core/json.js';
import { publicKeyFromSeed, sign, verify } from '../crypto/ed25519.js';
import { msgToAminoJson } from './amino-json.js';
import { goBigIntText } from './go-bigint.js';
import { encodeTx, txHash } from './tx.js';
/** The stake denomination (types/staking.go:10). */
export const UPOKT_DENOM = 'upokt';
function coinsJson(fee) {
    return fee.map((coin) => {
        const amount = goBigIntText(coin.amount) ?? coin.amount;
        return coin.denom === '' ? { amount } : { denom: coin.denom, amount };
    });
}
/** The sign document as a JSON value (keys not yet sorted). */
export function signDocument(chainId, tx) {
    const msg = msgToAminoJson(tx.msg);
    return {
        chain_id: chainId,
        fee: coinsJson(tx.fee),
        memo: tx.memo,
        msg: { type: msg.type, value: msg.value },
        entropy: tx.entropy.toString(),
    };
}
/**
 * The sign document as text: `sortedJson(signDocument(chainId, tx))`, written with the top-level
 * keys already in sorted order (chain_id < entropy < fee < memo < msg; type < value) so that only
 * the fee and the message value go through the generic sorter.
 * PERF: on the replay hot path (every tx's replay key hashes it); the generic form built a JSON
 * tree and sorted five constant keys per tx. Tests hold the two forms equal (wire/round-trip).
 */
export function signDocumentText(chainId, tx) {
    const head = `{"chain_id":${goString(chainId)},"entropy":"${tx.entropy}","fee":${feeText(tx.fee)},"memo":${goString(tx.memo)},"msg":`;
    if (tx.msg.kind === 'Send')
        return `${head}{"type":"pos/Send","value":${sendValueText(tx.msg)}}}`;
    const msg = msgToAminoJson(tx.msg);
    return `${head}{"type":${goString(msg.type)},"value":${sortedJson(msg.value)}}}`;
}
/** A Send's amino JSON value (amino-json.ts) with its keys in sorted order: amount < from_address < to_address. */
function sendValueText(msg) {
    const amount = goString(goBigIntText(msg.amount) ?? msg.amount);
    return `{"amount":${amount},"from_address":${goString(msg.fromAddress.toLowerCase())},"to_address":${goString(msg.toAddress.toLowerCase())}}`;
}
/** `sortedJson(coinsJson(fee))` written directly: each coin's keys in sorted order (amount < denom). */
function feeText(fee) {
    let out = '[';
    for (let i = 0; i < fee.length; i++) {
        const coin = fee[i];
        const amount = goString(goBigIntText(coin.amount) ?? coin.amount);
        out += `${i === 0 ? '' : ','}{"amount":${amount}${coin.denom === '' ? '' : `,"denom":${goString(coin.denom)}`}}`;
    }
    return out + ']';
}
/** The exact bytes pocket-core signs and verifies for this tx on chain `chainId`. */
export function signBytes(chainId, tx) {
    return new Uint8Array(Buffer.from(signDocumentText(chainId, tx), 'utf8'));
}
/**
 * Whether the tx's signature verifies under the public key it carries. False when the key is
 * absent (pocket would take it from the signer's account — the ante handler's business), not
 * ed25519, or the signature does not match.
 */
export function verifyTxSignature(chainId, tx) {
    const publicKey = tx.signature.publicKey === null ? undefined : hexToBytes(tx.signature.publicKey);
    const signature = hexToBytes(tx.signature.signature);
    if (publicKey === undefined || signature === undefined || publicKey.byteLength !== 32)
        return false;
    return verify(publicKey, signBytes(chainId, tx), signature);
}
/** Sign `msg` with `seed` and encode the tx (the same bytes pocket-core's CLI would produce). */
export function buildAndSignTx(input) {
    const fee = input.feeUpokt === 0n ? [] : [{ denom: UPOKT_DENOM, amount: input.feeUpokt.toString() }];
    const unsigned = { msg: input.msg, fee, memo: input.memo ?? '', entropy: input.entropy };
    const bytesToSign = signBytes(input.chainId, unsigned);
    const signature = sign(input.seed, bytesToSign);
    const tx = {
        ...unsigned,
        signature: { publicKey: bytesToHex(publicKeyFromSeed(input.seed)), signature: bytesToHex(signature) },
    };
    const bytes = encodeTx(tx);
    return { tx, bytes, hash: txHash(bytes), signBytes: bytesToSign };
}
//# sourceMappingURL=sign.js.map