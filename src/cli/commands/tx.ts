/**
 * `pokt-ledger tx decode <tx>` — decode a pocket-core transaction (base64 or hex), show its
 * hash, amino-JSON message, fee, memo, entropy, signer, whether the signature verifies on the
 * given chain and what validateBasic says.
 *
 * `pokt-ledger tx sign --key <file> --chain-id <id> --type <type> [fields] | --msg <json>` —
 * build and sign any message; prints {"hash","tx":<base64>,"hex"} with --json.
 *
 * Bad input is a coded CliError (exit 1): the rejection's name (e.g. tx_decode_error,
 * send_amount_must_be_positive) with its codespace:code in the details. A tx that decodes but
 * that a chain would refuse — validateBasic fails (`invalid_tx`) or the signature does not verify
 * for the chain id (`invalid_signature`) — is shown whole, then fails the same way (exit 1).
 */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import { bytesToHex, hexToBytes } from '../../core/hex.js';
import { sortedJson } from '../../core/json.js';
import { addressFromPublicKey } from '../../crypto/address.js';
import { readKeyFile, type AccountKey } from '../../crypto/keys.js';
import { MAX_CHAIN_ID_LENGTH } from '../../genesis/parse.js';
import { validateBasic } from '../../messages/index.js';
import {
  buildAndSignTx,
  canonicalEncodingStyle,
  decodeTx,
  MAX_TX_BYTES,
  msgToAminoJson,
  verifyTxSignature,
  wireMessageFromAminoJson,
  type DecodedTx,
  type WireMessage,
} from '../../wire/index.js';
import { CliError, printJson, rejectionError, writeStdout } from '../output.js';

const DEFAULT_CHAIN_ID = 'mainnet';

// ---------------------------------------------------------------------------------------------
// decode

/** Hex when the text is even-length hex, else strict standard base64; anything else is refused. */
export function parseTxText(text: string): Uint8Array {
  const trimmed = text.trim();
  // DEV_NOTE: a long argument is refused before decoding (base64 is 4/3 of the bytes).
  if (trimmed.length > 2 * MAX_TX_BYTES + 4) throw new CliError('tx_too_large', `the tx text is longer than a ${MAX_TX_BYTES}-byte tx can be`);
  const hex = hexToBytes(trimmed);
  if (hex !== undefined && trimmed.length > 0) return hex;
  if (/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(trimmed) && trimmed.length > 0) return new Uint8Array(Buffer.from(trimmed, 'base64'));
  throw new CliError('invalid_tx_text', 'the tx must be hex or standard base64');
}

export interface DecodedTxView {
  readonly hash: string;
  readonly type: string;
  readonly msg: unknown;
  readonly fee: readonly { readonly amount: string; readonly denom: string }[];
  readonly memo: string;
  readonly entropy: string;
  readonly signer: string | null;
  readonly public_key: string | null;
  readonly signature_valid: boolean | null;
  readonly validate_basic: null | { readonly codespace: string; readonly code: number; readonly name: string; readonly log: string };
  readonly type_url: string;
  readonly encoding: string | null;
  /** The chain id the signature was checked against (--chain-id, default mainnet). */
  readonly chain_id: string;
}

export function describeTx(tx: DecodedTx, chainId: string): DecodedTxView {
  const amino = msgToAminoJson(tx.msg);
  const publicKey = tx.signature.publicKey;
  const ed25519 = publicKey !== null && publicKey.length === 64;
  const basic = validateBasic(tx.msg);
  return {
    hash: tx.hash,
    type: amino.type,
    // key-sorted, as it is signed
    msg: JSON.parse(sortedJson(amino.value)) as unknown,
    fee: tx.fee.map((coin) => ({ amount: coin.amount, denom: coin.denom })),
    memo: tx.memo,
    entropy: tx.entropy.toString(),
    signer: ed25519 ? addressFromPublicKey(hexToBytes(publicKey) as Uint8Array) : null,
    public_key: publicKey,
    signature_valid: ed25519 ? verifyTxSignature(chainId, tx) : null,
    validate_basic: basic.ok ? null : { codespace: basic.error.codespace, code: basic.error.code, name: basic.error.name, log: basic.error.log },
    type_url: tx.typeUrl,
    encoding: canonicalEncodingStyle(tx) ?? null,
    chain_id: chainId,
  };
}

function printDecodedHuman(view: DecodedTxView): void {
  const lines = [
    `hash             ${view.hash}`,
    `type             ${view.type} (${view.type_url})`,
    `signer           ${view.signer ?? '(public key not in the tx)'}`,
    // The chain id is part of what is signed: a tx of another chain decoded with the default
    // (mainnet) read a bare "INVALID", as if forged (QA of 2026-12-06).
    `signature        ${view.signature_valid === null ? 'not checked' : view.signature_valid ? `valid for chain id ${JSON.stringify(view.chain_id)}` : `INVALID for chain id ${JSON.stringify(view.chain_id)} (signed for another chain? --chain-id names it)`}`,
    `validate basic   ${view.validate_basic === null ? 'ok' : `${view.validate_basic.codespace}:${view.validate_basic.code} ${view.validate_basic.name} — ${view.validate_basic.log}`}`,
    `fee              ${view.fee.map((coin) => `${coin.amount}${coin.denom}`).join(', ') || '(none)'}`,
    `memo             ${JSON.stringify(view.memo)}`,
    `entropy          ${view.entropy}`,
    `msg              ${JSON.stringify(view.msg)}`,
  ];
  writeStdout(lines.join('\n') + '\n');
}

/**
 * What a chain would refuse the decoded tx for, as a coded error carrying the whole view; undefined
 * when nothing checked fails. In the chain's order: ValidateBasic before the ante handler's
 * signature check (baseapp runTx: validateBasicTxMsgs, then the anteHandler), so a tx failing
 * both is `invalid_tx`. A signature not checked (no ed25519 public key: signature_valid null) is
 * no failure — nothing was found wrong.
 */
export function decodedTxFailure(view: DecodedTxView): CliError | undefined {
  const report = view as unknown as Readonly<Record<string, unknown>>;
  const basic = view.validate_basic;
  if (basic !== null) {
    const signature = view.signature_valid === false ? `; the signature does not verify for chain id ${JSON.stringify(view.chain_id)} either` : '';
    return new CliError('invalid_tx', `validateBasic refuses the message (${basic.codespace}:${basic.code} ${basic.name}: ${basic.log})${signature}`, { codespace: basic.codespace, code: basic.code, name: basic.name }, report);
  }
  if (view.signature_valid === false) {
    return new CliError('invalid_signature', `the signature does not verify for chain id ${JSON.stringify(view.chain_id)}: signed for another chain (--chain-id names it), or not by this key`, { chain_id: view.chain_id, signer: view.signer }, report);
  }
  return undefined;
}

/**
 * The decoded view is printed whatever it says (it shows what is wrong); a tx the chain would
 * refuse then fails with its coded error (exit 1), so a script checking the exit code is not
 * told an invalid tx is fine. With --json the view and `error` are one document (output.ts).
 */
export function decodeCommand(text: string, options: { chainId?: string; json?: boolean }): void {
  const result = decodeTx(parseTxText(text));
  if (!result.ok) throw rejectionError(result.error);
  const view = describeTx(result.value, options.chainId ?? DEFAULT_CHAIN_ID);
  const failure = decodedTxFailure(view);
  if (options.json !== true) printDecodedHuman(view);
  else if (failure === undefined) printJson(view);
  if (failure !== undefined) throw failure;
}

// ---------------------------------------------------------------------------------------------
// sign

export interface SignOptions {
  key: string;
  chainId: string;
  type?: string;
  msg?: string;
  fee?: string;
  memo?: string;
  entropy?: string;
  json?: boolean;
  validate?: boolean;
  // message fields
  to?: string;
  from?: string;
  amount?: string;
  chains?: string;
  serviceUrl?: string;
  output?: string;
  delegators?: string;
  publicKey?: string;
  address?: string;
  signer?: string;
  paramKey?: string;
  paramValue?: string;
  action?: string;
  height?: string;
  version?: string;
  oldUpgradeHeight?: string;
  features?: string;
}

const MESSAGE_TYPE_NAMES = [
  'send',
  'stake-node',
  'begin-unstake-node',
  'unjail-node',
  'stake-app',
  'begin-unstake-app',
  'unjail-app',
  'param-change',
  'dao-transfer',
  'upgrade',
] as const;

function required(value: string | undefined, option: string, type: string): string {
  if (value === undefined || value === '') throw new CliError('missing_option', `--type ${type} needs ${option}`);
  return value;
}

function integerOption(value: string, option: string): bigint {
  if (!/^-?(0|[1-9][0-9]*)$/.test(value)) throw new CliError('invalid_option', `${option} must be a decimal integer`);
  return BigInt(value);
}

function list(value: string | undefined): string[] {
  return value === undefined || value === '' ? [] : value.split(',').map((item) => item.trim());
}

function delegatorList(value: string | undefined): ReadonlyArray<readonly [string, number]> | null {
  if (value === undefined) return null;
  return list(value).map((entry) => {
    const [address, share] = entry.split('=');
    if (address === undefined || share === undefined || !/^[0-9]{1,10}$/.test(share)) throw new CliError('invalid_option', '--delegators must be address=share,…');
    return [address.toLowerCase(), Number(share)] as const;
  });
}

const HEX_OPTIONS = ['to', 'from', 'output', 'publicKey', 'address', 'signer'] as const;

/** Address and key options must be hex (their length is validateBasic's business). */
function checkHexOptions(options: SignOptions): void {
  for (const name of HEX_OPTIONS) {
    const value = options[name];
    if (value !== undefined && hexToBytes(value) === undefined) throw new CliError('invalid_option', `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} must be hex`);
  }
}

/** A message from command-line fields; the key's address and public key fill the defaults. */
function messageFromOptions(type: string, options: SignOptions, key: AccountKey): WireMessage {
  checkHexOptions(options);
  const me = key.address;
  const myKey = bytesToHex(key.publicKey);
  switch (type) {
    case 'send':
      return { kind: 'Send', fromAddress: options.from ?? me, toAddress: required(options.to, '--to', type), amount: required(options.amount, '--amount', type) };
    case 'stake-node':
      return {
        kind: 'StakeNode',
        publicKey: options.publicKey ?? myKey,
        chains: list(required(options.chains, '--chains', type)),
        value: required(options.amount, '--amount', type),
        serviceUrl: required(options.serviceUrl, '--service-url', type),
        // The reducer refuses a node stake without an output address (pos:123, non-custodial
        // staking), in the block, after the fee is taken: without --output the tx was signed,
        // admitted by a node, and failed at the cost of its fee.
        outputAddress: required(options.output, '--output', type),
        rewardDelegators: delegatorList(options.delegators),
      };
    case 'begin-unstake-node':
      return { kind: 'BeginUnstakeNode', validatorAddress: options.address ?? me, signerAddress: options.signer ?? me };
    case 'unjail-node':
      return { kind: 'UnjailNode', validatorAddress: options.address ?? me, signerAddress: options.signer ?? me };
    case 'stake-app':
      return { kind: 'StakeApp', publicKey: options.publicKey ?? myKey, chains: list(options.chains), value: required(options.amount, '--amount', type) };
    case 'begin-unstake-app':
      return { kind: 'BeginUnstakeApp', applicationAddress: options.address ?? me };
    case 'unjail-app':
      return { kind: 'UnjailApp', applicationAddress: options.address ?? me };
    case 'param-change':
      return {
        kind: 'ParamChange',
        fromAddress: options.from ?? me,
        paramKey: required(options.paramKey, '--param-key', type),
        paramValue: bytesToHex(Buffer.from(required(options.paramValue, '--param-value', type), 'utf8')),
      };
    case 'dao-transfer':
      return { kind: 'DAOTransfer', fromAddress: options.from ?? me, toAddress: options.to ?? '', amount: required(options.amount, '--amount', type), action: options.action ?? 'dao_transfer' };
    case 'upgrade':
      return {
        kind: 'Upgrade',
        address: options.from ?? me,
        upgrade: {
          height: integerOption(required(options.height, '--height', type), '--height'),
          version: required(options.version, '--version', type),
          oldUpgradeHeight: options.oldUpgradeHeight === undefined ? 0n : integerOption(options.oldUpgradeHeight, '--old-upgrade-height'),
          features: list(options.features),
        },
      };
    default:
      throw new CliError('unknown_message_type', `--type must be one of ${MESSAGE_TYPE_NAMES.join(', ')} (claims and proofs: use --msg)`);
  }
}

function messageFromJson(text: string): WireMessage {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CliError('invalid_message_json', `--msg is not JSON: ${(error as Error).message}`);
  }
  const parsed = wireMessageFromAminoJson(json);
  if (!parsed.ok) throw rejectionError(parsed.error);
  return parsed.value;
}

/** A random int64, as pocket clients choose entropy (the CLI is the one place randomness is fine). */
function randomEntropy(): bigint {
  return BigInt.asIntN(64, randomBytes(8).readBigUInt64BE(0));
}

/**
 * Mainnet's auth/MaxMemoCharacters (the bundled genesis, src/genesis/data/mainnet-genesis.json:
 * "max_memo_characters": "75"). The limit is a parameter of the chain, which signing does not
 * know, and the ante handler checks it (auth:1), not ValidateBasic — so a longer memo is signed,
 * with a warning, rather than refused (QA of 2026-12-06: a 100,000-character memo was signed
 * without a word).
 */
const MAINNET_MAX_MEMO_BYTES = 75;

function warnOnLongMemo(memo: string): void {
  const bytes = Buffer.byteLength(memo, 'utf8');
  if (bytes <= MAINNET_MAX_MEMO_BYTES) return;
  process.stderr.write(`warning [memo_too_long]: the memo is ${bytes} bytes; a chain with mainnet's auth/MaxMemoCharacters (${MAINNET_MAX_MEMO_BYTES}) refuses the tx (auth:1) — signed anyway, as the limit is the chain's parameter\n`);
}

export function signCommand(options: SignOptions): void {
  // A genesis's chain id has 1–50 characters: a tx signed for "" (an unset shell variable) or a
  // longer id is refused by every chain as a bad signature (sdk:4), which hides the typo.
  if (options.chainId.length === 0 || options.chainId.length > MAX_CHAIN_ID_LENGTH) {
    throw new CliError('invalid_option', `--chain-id must be 1–${MAX_CHAIN_ID_LENGTH} characters (a genesis's chain_id), got ${JSON.stringify(options.chainId.slice(0, 60))}`);
  }
  const key = readKeyFile(options.key);
  if (!key.ok) throw rejectionError(key.error);
  if ((options.msg === undefined) === (options.type === undefined)) throw new CliError('missing_option', 'give exactly one of --type or --msg');
  const msg = options.msg !== undefined ? messageFromJson(options.msg) : messageFromOptions(options.type as string, options, key.value);
  if (options.validate !== false) {
    const basic = validateBasic(msg);
    if (!basic.ok) throw rejectionError(basic.error);
    warnOnLongMemo(options.memo ?? '');
  }
  const fee = integerOption(options.fee ?? '10000', '--fee');
  if (fee < 0n) throw new CliError('invalid_option', '--fee must not be negative');
  const entropy = options.entropy === undefined ? randomEntropy() : integerOption(options.entropy, '--entropy');
  if (entropy !== BigInt.asIntN(64, entropy)) throw new CliError('invalid_option', '--entropy must fit an int64');
  const built = buildAndSignTx({ chainId: options.chainId, msg, feeUpokt: fee, memo: options.memo ?? '', entropy, seed: key.value.seed });
  const tx = Buffer.from(built.bytes).toString('base64');
  if (options.json === true) printJson({ hash: built.hash, tx, hex: bytesToHex(built.bytes) });
  else writeStdout(`hash ${built.hash}\ntx   ${tx}\n`);
}

// ---------------------------------------------------------------------------------------------

export function registerTxCommands(program: Command): void {
  const tx = program.command('tx').description('pocket-core transactions: decode, sign');
  tx.command('decode')
    .description('decode a transaction (base64 or hex): hash, message, signer, signature check, validateBasic (exit 1, shown whole, when either fails)')
    .argument('<tx>', 'the tx bytes as base64 or hex')
    .option('--chain-id <id>', 'chain id to verify the signature against', DEFAULT_CHAIN_ID)
    .option('--json', 'one JSON object on stdout')
    .action((text: string, options: { chainId?: string; json?: boolean }) => decodeCommand(text, options));
  tx.command('sign')
    .description('build and sign a transaction')
    .requiredOption('--key <file>', 'key file {"address","public_key","private_key"}')
    .requiredOption('--chain-id <id>', 'chain id to sign for')
    .option('--type <type>', `message type: ${MESSAGE_TYPE_NAMES.join(', ')}`)
    .option('--msg <json>', 'the message as amino JSON {"type","value"} (any type, claims and proofs too)')
    .option('--fee <upokt>', 'declared fee in uPOKT', '10000')
    .option('--memo <text>', 'memo', '')
    .option('--entropy <int64>', 'entropy (default: random)')
    .option('--no-validate', 'sign even if validateBasic rejects the message')
    .option('--to <address>', 'recipient (send, dao-transfer)')
    .option('--from <address>', 'sender (default: the key address)')
    .option('--amount <upokt>', 'amount or stake in uPOKT')
    .option('--chains <ids>', 'comma-separated relay chain IDs')
    .option('--service-url <url>', 'node service URL')
    .option('--output <address>', 'node output address (stake-node: required; the operator\'s own address for custodial staking)')
    .option('--delegators <list>', 'reward delegators as address=percent pairs, comma-separated (e.g. <addr>=10,<addr>=5)')
    .option('--public-key <hex>', 'staking public key (default: the key)')
    .option('--address <address>', 'validator/app address (default: the key address)')
    .option('--signer <address>', 'signer address of node unstake/unjail (default: the key address)')
    .option('--param-key <key>', 'gov parameter key, e.g. pos/StakeMinimum')
    .option('--param-value <json>', 'new parameter value as amino JSON text')
    .option('--action <action>', 'dao_transfer or dao_burn', 'dao_transfer')
    .option('--height <n>', 'upgrade height')
    .option('--version <v>', 'upgrade version')
    .option('--old-upgrade-height <n>', 'previous upgrade height')
    .option('--features <list>', 'upgrade features as KEY:height pairs, comma-separated')
    .option('--json', 'one JSON object on stdout')
    .action((options: SignOptions) => signCommand(options));
}
