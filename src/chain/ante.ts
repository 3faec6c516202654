/**
 * The ante handler (x/auth/ante.go:19-235): what every tx must pass before its message runs,
 * in pocket-core's order. Failing here charges no fee; passing deducts the whole declared fee.
 *
 *  1. StdTx.ValidateBasic: fee coins valid (sdk:14), signature present (sdk:4).
 *  2. Memo no longer than auth/MaxMemoCharacters, in bytes (auth:1).
 *  3. Tx hash not delivered before (auth:6) — there are no nonces (PROTOCOL §0.1).
 *  3a. With [AppTransfer] active, a signature without a public key: sdk:1. pocket-core asks the
 *     signature's key for its address (the app-transfer signer, x/auth/ante.go:81-84) before
 *     trying any signer; StdSignature embeds the key interface, nil when the field is absent
 *     (x/auth/types/stdtx.go:282-294), so the call panics and runTx recovers it as ErrInternal
 *     (baseapp/baseapp.go:987-999) without writing the ante's cache: no fee. Only with
 *     [AppTransfer] off does step 4 read the signer account's key.
 *  4. Signature: for each acceptable signer (the message's GetSigners, the node's current output
 *     address for a StakeNode while [NCUST] and [OEDIT] are active, the signer of an app transfer while
 *     [AppTransfer] is; nil entries as Go has them, see acceptableSigners): take the signature's public key
 *     (or the signer account's key when the tx carries none); skip unless it is that signer's key;
 *     the declared fee must cover 10,000 × FeeMultiplier(msg type) (auth:4 — checked before the
 *     signature, as pocket-core does); the signature must verify, else try the next signer.
 *     No signer matched: sdk:4.
 *  5. Ours: the signer has not had a tx with this sign document delivered before (ledger:20,
 *     replay-key.ts). Step 3 compares bytes, which re-encodings change without touching the
 *     signature; this step compares what is signed. pocket-core has no such check.
 *  6. Deduct the declared fee from the signer (post-[NCUST]): unknown account sdk:9, balance
 *     short auth:6 (pocket-core reuses the duplicate-tx code, PROTOCOL §12.2 item 16).
 * Multisig keys are not accepted by the decoder (sdk:2 in the signature, messages/index.ts rule
 * 4), so the multisig fee hole (§12.2 item 23) cannot occur. A 33-byte secp256k1 key in the
 * signature decodes but never verifies here (ed25519 keys only): pocket-core would check the fee
 * (auth:4) and verify it when its RIPEMD-160 address is the signer's; here no signer matches (sdk:4).
 */
import type { FeatureSet } from '../core/features.js';
import { hexToBytes } from '../core/hex.js';
import { rejection, type Rejection } from '../core/rejection.js';
import { err, ok, type Result } from '../core/result.js';
import type { Address, PublicKeyHex } from '../core/types.js';
import { addressOfPublicKeyHex } from '../crypto/address.js';
import { verify } from '../crypto/ed25519.js';
import { AUTH, LEDGER, SDK, declaredFeeUpokt, messageType, signersOf, validateTxBasic, type Message } from '../messages/index.js';
import { feeForMessageType, type FeeDeducted } from '../modules/auth/index.js';
import { appTransferSigner } from '../modules/apps/index.js';
import { stakeOutputSigner } from '../modules/nodes/index.js';
import type { AuthParams } from '../params/params.js';
import type { DecodedTx } from '../wire/index.js';
import { signBytesOf, type PreparedTx } from './prepare.js';
import type { ReadonlyLedgerState } from './readonly.js';
import { replayKeyOf } from './replay-key.js';

export interface AnteSuccess {
  readonly signer: Address;
  readonly signerPublicKey: PublicKeyHex;
  readonly feeUpokt: bigint;
  readonly event: FeeDeducted | undefined;
  /** What this delivery uses up: deliverTx records it in the replay index. */
  readonly replayKey: string;
}

/** Required fee: the 10,000 uPOKT base × the message type's multiplier (modules/auth/fees.ts). */
export function requiredFeeUpokt(message: Message, params: AuthParams): bigint {
  return feeForMessageType(messageType(message), params);
}

/**
 * pocket-core's validSigners (x/auth/ante.go:71-91), in its order; `null` where Go lists a nil
 * address: a StakeNode's absent output (GetSigners, x/nodes/types/msg.go:202-204) and, post-
 * [NCUST]&[OEDIT], GetMsgStakeOutputSigner — appended for EVERY message, nil unless the message
 * is a StakeNode of a known node (then its output, or its operator when it has none;
 * x/nodes/keeper/keeper.go:95-106, validator.go:107-112). A nil signer
 * never matches a key the tx carries; for a key-less tx its account lookup fails (auth:3).
 * The app-transfer signer only with [AppTransfer] (and a key: without one, step 3a refused it).
 */
function acceptableSigners(state: ReadonlyLedgerState, tx: DecodedTx, message: Message, off: FeatureSet): Array<Address | null> {
  const signers: Array<Address | null> = [...signersOf(message)];
  if (message.type === 'StakeNode' && message.outputAddress === null) signers.push(null);
  if (!off.has('NCUST') && !off.has('OEDIT')) signers.push(stakeOutputSigner(state.nodes.validators, message) ?? null);
  const txSigner = tx.signature.publicKey === null ? undefined : addressOfPublicKeyHex(tx.signature.publicKey);
  if (txSigner !== undefined && !off.has('AppTransfer')) {
    const transfer = appTransferSigner(state.apps.applications, txSigner, message);
    if (transfer !== undefined) signers.push(transfer);
  }
  return signers;
}

function signatureValid(prepared: PreparedTx, publicKeyHex: string, fromTx: boolean): boolean {
  // The pre-verified verdict applies to the tx's own key; a key from state is checked here.
  if (fromTx && prepared.signature !== 'unchecked') return prepared.signature === 'valid';
  const publicKey = hexToBytes(publicKeyHex);
  const signature = hexToBytes(prepared.decoded.ok ? prepared.decoded.value.signature.signature : '');
  const message = signBytesOf(prepared);
  return publicKey !== undefined && signature !== undefined && message !== undefined && verify(publicKey, message, signature);
}

type SignerMatch = { readonly signer: Address; readonly publicKey: PublicKeyHex };

function findSigner(state: ReadonlyLedgerState, prepared: PreparedTx, tx: DecodedTx, message: Message, params: AuthParams, off: FeatureSet): Result<SignerMatch, Rejection> {
  const declared = declaredFeeUpokt(tx);
  for (const signer of acceptableSigners(state, tx, message, off)) {
    let publicKeyHex = tx.signature.publicKey;
    if (signer === null) {
      if (publicKeyHex !== null) continue;
      return err(rejection(AUTH.account_not_found, 'account <nil> not found (a nil signer: no output address)'));
    }
    if (publicKeyHex === null) {
      const account = state.auth.accounts.get(signer);
      if (account === undefined) return err(rejection(AUTH.account_not_found, `account ${signer} not found`));
      if (account.publicKey === null) return err(rejection(AUTH.public_key_not_found, `account ${signer} has no public key`));
      publicKeyHex = account.publicKey;
    }
    if (addressOfPublicKeyHex(publicKeyHex) !== signer) continue;
    const required = requiredFeeUpokt(message, params);
    if (declared < required) return err(rejection(AUTH.fee_below_minimum, `insufficient fee: need ${required}upokt, got ${declared}upokt`));
    if (!signatureValid(prepared, publicKeyHex, tx.signature.publicKey !== null)) continue;
    return ok({ signer, publicKey: publicKeyHex.toLowerCase() as PublicKeyHex });
  }
  return err(rejection(SDK.unauthorized, 'signature verification failed for the transaction'));
}

/** What the nil key's panic leaves in the log (runtime error text as Go prints it). */
const NIL_KEY_PANIC = 'recovered: runtime error: invalid memory address or nil pointer dereference (the signature carries no public key)';

/**
 * `deliveredBefore`: whether the tx index held this hash before this delivery. deliverTx knows it
 * already (it indexes the tx as it arrives, deliver-tx.ts); CheckTx leaves it to the lookup here.
 */
export function runAnte(
  state: ReadonlyLedgerState,
  prepared: PreparedTx,
  tx: DecodedTx,
  message: Message,
  /** Features off at the block the tx goes into (BlockContext.inactiveFeatures). */
  off: FeatureSet,
  deliveredBefore: boolean = state.auth.txIndex.has(prepared.hash),
): Result<AnteSuccess, Rejection> {
  const params = state.params().auth;
  const basic = validateTxBasic(tx);
  if (!basic.ok) return basic;
  const memoBytes = Buffer.byteLength(tx.memo, 'utf8');
  if (BigInt(memoBytes) > params.maxMemoCharacters) {
    return err(rejection(AUTH.invalid_memo, `maximum number of characters is ${params.maxMemoCharacters} but received ${memoBytes} characters`));
  }
  if (deliveredBefore) return err(rejection(AUTH.duplicate_tx, `tx ${prepared.hash} was already delivered`));
  if (tx.signature.publicKey === null && !off.has('AppTransfer')) return err(rejection(SDK.internal_error, NIL_KEY_PANIC));
  const match = findSigner(state, prepared, tx, message, params, off);
  if (!match.ok) return match;
  const { signer, publicKey } = match.value;
  const replayKey = replayKeyOf(prepared.chainId, tx, signer, prepared.signBytes);
  const deliveredAt = state.auth.replayIndex.get(replayKey);
  if (deliveredAt !== undefined) {
    return err(rejection(LEDGER.signed_tx_already_delivered, `a tx with this sign document, signed by ${signer}, was already delivered at height ${deliveredAt}`));
  }
  const feeUpokt = declaredFeeUpokt(tx);
  const account = state.auth.accounts.get(signer);
  if (account === undefined) return err(rejection(SDK.unknown_address, `account ${signer} does not exist`));
  const otherDenoms = tx.fee.some((coin) => coin.denom !== 'upokt');
  if (account.balanceUpokt < feeUpokt || otherDenoms) {
    return err(rejection(AUTH.duplicate_tx, `insufficient balance to pay the fee: ${account.balanceUpokt}upokt < ${feeUpokt}upokt`));
  }
  const event: FeeDeducted | undefined = feeUpokt === 0n ? undefined : { type: 'FeeDeducted', txHash: prepared.hash, payer: signer, amountUpokt: feeUpokt };
  return ok({ signer, signerPublicKey: publicKey, feeUpokt, event, replayKey });
}
