/**
 * pocket-core's answer shapes built from the read store's records. Each shape names the Go
 * type it copies (pocket-core, app/cmd/rpc/query.go unless noted) and keeps what Go prints:
 * encoding/json writes int64 as a JSON number, amino JSON (app.Codec().MarshalJSON) as a
 * string; []byte as base64; Tendermint HexBytes as upper-case hex; `omitempty` on a struct-typed
 * field has no effect in encoding/json (so `proof` and `stdTx` are always there). A bare number
 * past 2^53 is written as the float64 pocket-core's WriteJSONResponse turns it into (viaFloat64).
 */
import { formatOptionalTime, formatRfc3339Ns } from '../core/time.js';
import { decodeTx, decodeTxEnvelope, msgToAminoJson, type TxEnvelope } from '../wire/index.js';
import { parseParamValue, paramValueToJson, type ParamKind, type Upgrade } from '../params/kinds.js';
import { PARAM_SPECS, type Subspace } from '../params/registry.js';
import type { AllParams } from '../modules/gov/index.js';
import type { ClaimAnswer } from '../modules/pocketcore/index.js';
import { MODULE_PERMISSIONS, moduleNameOf } from '../modules/auth/index.js';
import type { SigningInfo } from '../modules/slashing/index.js';
import type { AccountRecord, BlockRecord, TxRecord } from '../projection/read-store.js';
import { JsonOut } from './json-out.js';
import { EMPTY_TX_PROOF, type TxProofJson } from './tx-proof.js';

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/**
 * An int64, uint64 or *big.Int written as a bare JSON number, as pocket-core's RPC finally hands
 * it to the client. Most routes (all but nodes, apps, state and the double-encoded ones) answer
 * through WriteJSONResponse (app/cmd/rpc/server.go:169-183), which json.Unmarshals the marshalled
 * answer into a map[string]interface{} — every number a float64 — and encodes the map again: a
 * number past 2^53 loses its low digits (2^63−1 → 9223372036854776000). The Number returned
 * is that float64; JSON.stringify prints it as Go's float encoder does (shortest round-trip
 * digits, zero-padded below 1e21, "1e+21" form above). A JS client reads the same value from
 * either text; a client parsing exact integers (Python, Go's json.Number) now reads pocket-core's.
 */
export const viaFloat64 = (value: bigint): number => Number(value);

/** Go's `[]byte(nil)` → null; a tx that did not decode has no sign document. */
const EMPTY_STD_TX = { msg: null, fee: null, signature: { pub_key: '', signature: '' }, memo: '', entropy: 0 };

/** RPCStdTx.MarshalJSON (query.go:200-215): the message's sign bytes (amino JSON), fee coins, hex key and signature. */
export function stdTxJson(raw: Uint8Array): Record<string, unknown> {
  const decoded = decodeTx(raw);
  if (!decoded.ok) return EMPTY_STD_TX;
  const wire = decoded.value;
  return {
    msg: msgToAminoJson(wire.msg),
    fee: wire.fee.map((coin) => ({ denom: coin.denom, amount: coin.amount })),
    signature: { pub_key: wire.signature.publicKey ?? '', signature: wire.signature.signature },
    memo: wire.memo,
    entropy: viaFloat64(wire.entropy),
  };
}

/** RPCResultTx's fields before `tx` (query.go:153-161): hash, height, index and the deliver result. */
function txResultHead(tx: TxRecord): Record<string, unknown> {
  return {
    hash: tx.hash,
    height: tx.height,
    index: tx.index,
    tx_result: {
      code: tx.code,
      data: null,
      log: tx.log,
      info: '',
      events: null,
      codespace: tx.codespace,
      signer: tx.signer === null ? '' : tx.signer.toUpperCase(),
      recipient: tx.recipient === null ? '' : tx.recipient.toUpperCase(),
      message_type: tx.messageType ?? '',
    },
  };
}

const EMPTY_PROOF_TEXT = JSON.stringify(EMPTY_TX_PROOF);

/** A tx's TxProof when `prove` asked for one (tx-proof.ts); otherwise the empty TxProof. */
export type ProofOf = (tx: TxRecord) => TxProofJson | undefined;

/** RPCResultTx (query.go:153-161) with RPCResponseDeliverTx (163-173); `proof` the empty TxProof unless one is given. */
export function txJson(tx: TxRecord, proof: TxProofJson = EMPTY_TX_PROOF): Record<string, unknown> {
  return { ...txResultHead(tx), tx: base64(tx.raw), proof, stdTx: stdTxJson(tx.raw) };
}

/**
 * `stringifyAnswer(txJson(tx))` written directly (test/unit/query/tx-text.test.ts holds them
 * equal): a string, or its UTF-8 bytes for a big tx (json-out.ts says why).
 * PERF: the entropy is a bigint, which sent every tx answer through the serializer's replacer
 * path (a fifth of an accounttxs request); here it is written as a bare number, and the message
 * is the projection's own amino JSON (txs.message_json: JSON.stringify(msgToAminoJson) of the
 * same decoded bytes) instead of a second encoding. The base64 of the raw tx goes in as it is,
 * never through JSON.stringify (which would scan it for characters to escape; it has none).
 */
export function txJsonAnswer(tx: TxRecord, proof?: TxProofJson): string | Buffer {
  return writeTx(tx, new JsonOut(), proof).done();
}

function writeTx(tx: TxRecord, out: JsonOut, proof: TxProofJson | undefined): JsonOut {
  out.text(`${JSON.stringify(txResultHead(tx)).slice(0, -1)},"tx":"`);
  out.ascii(base64(tx.raw));
  return out.text(`","proof":${proof === undefined ? EMPTY_PROOF_TEXT : JSON.stringify(proof)},"stdTx":${stdTxText(tx.raw, tx.messageJson)}}`);
}

/**
 * `JSON.stringify(stdTxJson(raw))` (the int64 entropy as WriteJSONResponse's float64); `messageJson` = the
 * message's amino JSON text when known. Known means the bytes decoded when they were projected,
 * so only their envelope is read again (wire/tx.ts decodeTxEnvelope), not the message.
 */
function stdTxText(raw: Uint8Array, messageJson: string | null): string {
  if (messageJson === null) {
    const decoded = decodeTx(raw);
    return decoded.ok ? envelopeText(JSON.stringify(msgToAminoJson(decoded.value.msg)), decoded.value) : JSON.stringify(EMPTY_STD_TX);
  }
  const envelope = decodeTxEnvelope(raw);
  return envelope.ok ? envelopeText(messageJson, envelope.value) : JSON.stringify(EMPTY_STD_TX);
}

/** The stdTx object's text around the message's JSON text `msg`, in stdTxJson's key order. */
function envelopeText(msg: string, wire: TxEnvelope): string {
  const middle = JSON.stringify({
    fee: wire.fee.map((coin) => ({ denom: coin.denom, amount: coin.amount })),
    signature: { pub_key: wire.signature.publicKey ?? '', signature: wire.signature.signature },
    memo: wire.memo,
  });
  return `{"msg":${msg},${middle.slice(1, -1)},"entropy":${JSON.stringify(viaFloat64(wire.entropy))}}`;
}

/** RPCResultTxSearch (query.go:147-151): page_count is the number of txs on THIS page, as pocket-core. */
export function txSearchJson(txs: readonly TxRecord[], total: number, proofOf: ProofOf = () => undefined): Record<string, unknown> {
  return { txs: txs.map((tx) => txJson(tx, proofOf(tx))), page_count: txs.length, total_txs: total };
}

/** `stringifyAnswer(txSearchJson(txs, total, proofOf))` written directly (see txJsonAnswer). */
export function txSearchAnswer(txs: readonly TxRecord[], total: number, proofOf: ProofOf = () => undefined): string | Buffer {
  const out = new JsonOut().text('{"txs":[');
  txs.forEach((tx, i) => {
    if (i > 0) out.text(',');
    writeTx(tx, out, proofOf(tx));
  });
  return out.text(`],"page_count":${txs.length},"total_txs":${total}}`).done();
}

/**
 * One precommit of a block's last commit: Tendermint v0.32's CommitSig (= Vote; pocket-core runs
 * its fork of v0.32.11, go.mod): type 2 (PrecommitType), the previous height, round 0, the
 * previous block's id, the validator's index in the commit. The ledger runs no consensus, so
 * there is no signature (""), and a vote's time is the block's own: BFT time makes a block's
 * time the median of its last commit's vote times, which this keeps true.
 */
function precommitJson(block: BlockRecord, address: string, index: number): Record<string, unknown> {
  return {
    type: 2,
    height: String(block.height - 1),
    round: '0',
    block_id: { hash: block.previousHash.toUpperCase(), parts: { total: '0', hash: '' } },
    timestamp: formatRfc3339Ns(block.timeNs),
    validator_address: address.toUpperCase(),
    validator_index: String(index),
    signature: '',
  };
}

/**
 * Tendermint's ResultBlock (rpc/core/types, amino JSON: int64 as strings). Hashes the ledger does
 * not compute (parts, data, validators, consensus, results, evidence) are empty strings, as are
 * the precommits' signatures (precommitJson).
 */
export function blockJson(block: BlockRecord, txs: readonly TxRecord[]): Record<string, unknown> {
  const blockId = (hash: string): unknown => ({ hash: hash.toUpperCase(), parts: { total: '0', hash: '' } });
  // A chain's first block follows no block: Tendermint gives it the zero BlockID (genesis state,
  // state/state.go:241; MakeBlock, :156), whose nil hash is written "" (libs/bytes/bytes.go:24-31).
  // The ledger's marker for "no previous block" is the all-zero hash.
  const previous = /^0*$/.test(block.previousHash) ? '' : block.previousHash;
  const lastCommit = JSON.parse(block.lastCommitJson) as Array<{ address: string; signed: boolean }>;
  const evidence = JSON.parse(block.evidenceJson) as unknown[];
  return {
    block_id: blockId(block.hash),
    block: {
      header: {
        version: { block: '10', app: '0' },
        chain_id: block.chainId,
        height: String(block.height),
        time: formatRfc3339Ns(block.timeNs),
        num_txs: String(block.txCount),
        total_txs: String(block.totalTxs),
        last_block_id: blockId(previous),
        last_commit_hash: '',
        data_hash: block.txRoot.toUpperCase(),
        validators_hash: '',
        next_validators_hash: '',
        consensus_hash: '',
        app_hash: block.appHash.toUpperCase(),
        last_results_hash: '',
        evidence_hash: '',
        proposer_address: block.proposer.toUpperCase(),
      },
      data: { txs: txs.length === 0 ? null : txs.map((tx) => base64(tx.raw)) },
      evidence: { evidence: evidence.length === 0 ? null : evidence },
      last_commit: {
        block_id: blockId(previous),
        precommits: lastCommit.length === 0 ? null : lastCommit.map((vote, index) => (vote.signed ? precommitJson(block, vote.address, index) : null)),
      },
    },
  };
}

/**
 * BaseAccount (x/auth/types/account.go:23-27) via json.Marshal: coins as sdk.Coins, key as hex or
 * null. A module account is a ModuleAccount (:313-317), whose embedded *BaseAccount's fields
 * json.Marshal flattens beside its own `name` and `permissions`.
 */
export function accountJson(account: AccountRecord): Record<string, unknown> {
  const base = {
    address: account.address,
    coins: account.balanceUpokt === 0n ? [] : [{ denom: 'upokt', amount: account.balanceUpokt.toString() }],
    public_key: account.publicKey,
  };
  const name = moduleNameOf(account.address);
  return name === undefined ? base : { ...base, name, permissions: MODULE_PERMISSIONS[name] };
}

/** ValidatorSigningInfo (x/nodes/types/nodes.pb.go:120-131) via encoding/json: int64 as numbers. */
export function signingInfoJson(info: SigningInfo): Record<string, unknown> {
  return {
    address: info.address,
    start_height: info.startHeight,
    index_offset: info.indexOffset,
    jailed_until: formatOptionalTime(info.jailedUntilNs),
    missed_blocks_counter: info.missedBlocksCounter,
    jailed_blocks_counter: info.jailedBlocksCounter,
  };
}

/** One parameter's typed value from allparams' text (gov/queries.ts paramValueText, reversed). */
export function paramValueJson(kind: ParamKind, text: string): unknown {
  switch (kind) {
    case 'bool':
      return text === 'true';
    case 'chains':
    case 'int64Map':
    case 'feeMultipliers':
      return JSON.parse(text) as unknown;
    case 'acl':
    case 'upgrade':
      return (JSON.parse(text) as { value: unknown }).value;
    default:
      return text;
  }
}

/** A parameter's value at a height, parsed back to its type (throws on a projection that does not parse). */
export function typedParam(params: AllParams, key: string): { kind: ParamKind; value: ReturnType<typeof parseParamValue> } | undefined {
  const spec = PARAM_SPECS.find((s) => s.key === key);
  const entry = Object.values(params).flat().find((p: { param_key: string }) => p.param_key === key) as { param_value: string } | undefined;
  if (spec === undefined || entry === undefined) return undefined;
  return { kind: spec.kind, value: parseParamValue(spec.kind, paramValueJson(spec.kind, entry.param_value)) };
}

/**
 * A module's Params struct in amino JSON (nodeparams: x/nodes/types/params.go; appparams:
 * x/apps/types/params.go; pocketparams: x/pocketcore/types/params.go): every pocket-core field by
 * its JSON name (the ledger's own policy params are not pocket-core fields and are left out).
 */
export function moduleParamsJson(params: AllParams, subspace: Subspace): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const texts = new Map(Object.values(params).flat().map((p: { param_key: string; param_value: string }) => [p.param_key, p.param_value]));
  for (const spec of PARAM_SPECS) {
    if (spec.subspace !== subspace || spec.ledgerExtension === true) continue;
    const text = texts.get(spec.key);
    if (text !== undefined) out[spec.json] = paramValueJson(spec.kind, text);
  }
  return out;
}

/** The amino JSON of a typed value (for the upgrade route's encoding/json re-print). */
export { paramValueToJson };

/** A []byte as Go writes it, in encoding/json and amino JSON alike: base64. */
const base64OfHex = (hex: string): string => Buffer.from(hex, 'hex').toString('base64');

/**
 * MsgClaim (x/pocketcore/types/pocket.pb.go:106-113, 28-32, 522-525, 560-563) via encoding/json,
 * as /v1/query/nodeclaims writes its page (QueryClaims → Page.JSON, app/query.go:541-566, 677-681):
 * int64, uint64 and EvidenceType (a Go int) as bare numbers — float64s once WriteJSONResponse has
 * re-encoded the page (viaFloat64), so a uint64 range bound past 2^53 loses its low digits —, the
 * merkle root's []byte as base64.
 */
export function claimGoJson(claim: ClaimAnswer): Record<string, unknown> {
  return {
    header: claim.header,
    merkle_root: { merkleHash: base64OfHex(claim.merkle_root.merkleHash), range: { lower: viaFloat64(BigInt(claim.merkle_root.range.lower)), upper: viaFloat64(BigInt(claim.merkle_root.range.upper)) } },
    total_proofs: viaFloat64(BigInt(claim.total_proofs)),
    from_address: claim.from_address,
    evidence_type: claim.evidence_type,
    expiration_height: claim.expiration_height,
  };
}

/**
 * MsgClaim in amino JSON (app.Codec().MarshalJSON is the legacy amino codec, codec/codec.go:227-229):
 * every int64, uint64 and Go int as a decimal string, the root's []byte as base64 — the form of a
 * claim msg's sign bytes and of an exported genesis' pocketcore.claims.
 */
export function claimAminoJson(claim: ClaimAnswer): Record<string, unknown> {
  return {
    header: { ...claim.header, session_height: String(claim.header.session_height) },
    merkle_root: { merkleHash: base64OfHex(claim.merkle_root.merkleHash), range: claim.merkle_root.range },
    total_proofs: claim.total_proofs,
    from_address: claim.from_address,
    evidence_type: String(claim.evidence_type),
    expiration_height: String(claim.expiration_height),
  };
}

/**
 * queryBalanceResponse (query.go:452-476): the *big.Int balance as a bare number, with ALL its
 * digits. Deliberately not viaFloat64: pocket-core's WriteJSONResponse would round a balance
 * past 2^53 (TestNet's accounts hold up to ~1.5 × 10^20 uPOKT), and the ledger serves amounts
 * exactly (issue 13; test/unit/history/big-amounts.test.ts). A JS client reads the same double.
 */
export function balanceAnswer(balance: bigint): string {
  return `{"balance":${balance.toString()}}`;
}

/**
 * gov Upgrade (gov.pb.go:213-216) via json.Marshal then WriteJSONResponse (query.go:923-942):
 * int64 heights as float64 numbers (viaFloat64); OldUpgradeHeight and Features omitempty.
 */
export function upgradeJson(upgrade: Upgrade): Record<string, unknown> {
  return {
    Height: viaFloat64(upgrade.height),
    Version: upgrade.version,
    ...(upgrade.oldUpgradeHeight === 0n ? {} : { OldUpgradeHeight: viaFloat64(upgrade.oldUpgradeHeight) }),
    ...(upgrade.features.length === 0 ? {} : { Features: upgrade.features }),
  };
}
