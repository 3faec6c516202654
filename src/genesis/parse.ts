/**
 * Read a pocket-core genesis file (JSON text) into a validated GenesisDoc, or the full list of
 * what is wrong and where. Both real genesis files (mainnet, the e2e localnet) import unchanged.
 *
 * Checks beyond JSON shape: canonical non-negative amounts, every address equal to the
 * derivation from its public key, known statuses, no duplicate JSON keys (hostile JSON), no
 * duplicate accounts/validators/applications, every required parameter present and well-typed,
 * ACL keys that name real parameters, fee-multiplier keys unique (pocket-core exits on that),
 * and in a fresh genesis pocket-core's ValidateGenesis rules (validate-genesis.ts: validators at
 * least at stake_minimum with a valid service URL, applications unjailed and above
 * app_stake_minimum, slashing params in range, accounts with keys).
 *
 * Deliberate choices (documented in docs/protocol-choices.md):
 * - Unstaking validators' tokens are counted into the staked pool (pocket-core counts only
 *   Staked ones, leaving the pool short of what the validator will withdraw).
 * - An application that is not Staked is an error (pocket-core prints and skips it).
 * - Module accounts (posmint/ModuleAccount, or any account at a module address) are rejected in a
 *   fresh genesis: the ledger creates them. Exported-state sections (signing_infos, missed_blocks,
 *   claims, previous_proposer, prevState_validator_powers) must be empty there.
 * - An exported state (`app_state.pos.exported: true` or `initial_height`) is read by
 *   parse-exported.ts: module accounts, those sections and the ledger's `pokt_ledger` extension.
 */
import { getHeapStatistics } from 'node:v8';
import { parseJsonBytes } from '../core/json-bytes.js';
import { parseLosslessJson, SlowParseRefused } from '../core/lossless-json.js';
import { err, ok, type Result } from '../core/result.js';
import { parseOptionalTime, parseRfc3339Ns } from '../core/time.js';
import { addressFromPublicKey } from '../crypto/address.js';
import { mustHexToBytes } from '../core/hex.js';
import { canonicalChainId, parseParamValue, type AclEntry, type FeeMultipliers, type ParamValue, type Upgrade } from '../params/kinds.js';
import { PARAM_SPECS, PARAM_SPECS_BY_KEY, SUBSPACES } from '../params/registry.js';
import { clipped, JsonReader, kindOf } from './reader.js';
import { pocketCoreAcl } from './pocket-core-acl.js';
import { readExportedState, readModuleAccount, type ExportedAccounts } from './parse-exported.js';
import { checkFreshApplication, checkFreshGenesisParams, checkFreshValidator, freshGenesisRules, paramPath, type FreshGenesisRules } from './validate-genesis.js';
import { SUPPORTED_PUB_KEY_TYPES, type GenesisAccount, type GenesisApplication, type GenesisDoc, type GenesisIrregularAccount, type GenesisModuleAccount, type GenesisProblem, type GenesisValidator } from './types.js';
import type { Address } from '../core/types.js';
import { moduleNameOf } from '../modules/auth/index.js';
import { checkParamRange, inactiveFeatures, PARAM_FEATURE } from '../modules/gov/index.js';
import { buildParams } from '../params/params.js';

/**
 * Heap bytes importing a genesis may cost per byte of its file: the parsed JSON, the validated
 * doc and the state built from it live at once (the text and the file's bytes are outside the
 * heap's limit). Measured 2026-12-07 with `init` (max RSS; the heap limit set with
 * --max-old-space-size) on the worst shape measured, the ledger's own 60-block export with its tx
 * and replay indexes grown: 220.7 MB (0.73 M entries each) imports in a 640 MiB heap, not in
 * 512 (2.9–2.4 bytes a byte); 511.4 MB (1.7 M each) in a 1,024 MiB heap (2.0), 17 s at 2.2 GB
 * RSS at the default heap. A pocket-core-shaped file (400 k accounts added), 271.4 MB: in a
 * 512 MiB heap (1.98), 16 s at 1.1 GB RSS at the default heap. 4 keeps a margin of 1.4 over the
 * worst. Past 512 MiB, read in chunks (core/json-bytes.ts): 582.7 MB (pocket-core-shaped, 861 k
 * accounts) at 1.87 GB max RSS at the default heap, the file's bytes included.
 * Until that day the JSON went through lossless-json's own parser, which needed ~16
 * (221.7 MB: 66 s, 3.6 GB; 482 MB: out of the default heap): core/lossless-json.ts.
 */
export const HEAP_BYTES_PER_GENESIS_BYTE = 4;

/**
 * The same for a text the fast parse declines (a key given twice, a long or fractional number,
 * an escaped key: core/lossless-json.ts), which lossless-json's own parser reads: ~16 in the
 * worst shape measured (221.7 MB: 3.6 GB max RSS; 482 MB: out of a 4,144 MiB heap). Such a
 * text past the heap limit / 16 is refused (genesis_too_large) instead of risking V8's abort —
 * if it is JSON: a damaged one (cut short inside a string, say) is invalid_genesis at its byte.
 */
export const HEAP_BYTES_PER_SLOWLY_PARSED_BYTE = 16;

/**
 * Node's readFileSync reads at most 2 GiB − 1 bytes (Node 20 lib/fs.js: `size > kIoMaxLength`,
 * kIoMaxLength = 2^31 − 1, throws ERR_FS_FILE_TOO_LARGE; checked 2026-12-07 on v20.20.2 with
 * sparse files of 2^31 − 1 and 2^31 bytes). A Buffer may be larger (buffer.constants.MAX_LENGTH,
 * 2^32 on 64-bit), so this is the bound.
 */
export const READ_FILE_MAX_BYTES = 2 ** 31 - 1;

/**
 * The largest genesis file read: what the reader can read. Two bounds, the smaller wins:
 * - the file is read into one Buffer with readFileSync (READ_FILE_MAX_BYTES, 2 GiB − 1). It is
 *   never decoded into one string (core/json-bytes.ts walks what is longer than a chunk), so V8's
 *   longest string (2^29 − 24 characters, 512 MiB) no longer bounds it — until 2026-12-07 it did;
 * - the import must fit in the heap: the heap limit (v8 heap_size_limit: 4,144 MiB by default
 *   on this 24 GB machine — V8 sizes it from the memory, less on a smaller one — 4,480 under the
 *   launcher's young-generation flag;
 *   `NODE_OPTIONS=--max-old-space-size=<MiB>` raises it) over HEAP_BYTES_PER_GENESIS_BYTE —
 *   1,036 MiB by default, so readFileSync is the bound from an 8 GiB heap up.
 * Past it the file is refused before it is read (genesis_too_large, with what to do), not with
 * ERR_FS_FILE_TOO_LARGE or a heap-exhaustion abort. No option of its own: Node's heap flag is
 * the knob, and the limit follows it. It was a fixed 64 MiB until 2026-12-07 ("far above the
 * mainnet genesis, 638 KB"); but exports are written with four spaces as pocket-core's are, a
 * mainnet Morse export is estimated at ~0.12–0.33 GB, and the ledger's own export grows ~300
 * bytes per tx (the tx and replay indexes), so 64 MiB refused legitimate files
 * (docs/history.md, "Export / import", has the figures).
 */
export function genesisByteLimit(heapSizeLimit: number = getHeapStatistics().heap_size_limit): number {
  return Math.min(READ_FILE_MAX_BYTES, Math.floor(heapSizeLimit / HEAP_BYTES_PER_GENESIS_BYTE));
}

/** This process's limit (genesisByteLimit at its heap size). */
export const MAX_GENESIS_BYTES: number = genesisByteLimit();
export const MAX_CHAIN_ID_LENGTH = 50; // Tendermint MaxChainIDLen

export interface ParseOptions {
  /**
   * The height an exported state was taken at, for a file that does not say (pocket-core's
   * `export-genesis-for-reset <height> <newChainID>` writes no `initial_height`: the height is
   * the command's argument). A file that says must agree.
   */
  readonly exportedHeight?: number;
  /**
   * The JSON reader's chunk bound in bytes, also the longest file it reads whole (core/json-bytes.ts;
   * defaults 64 MiB and 512 MiB): tests read small files the way files over 512 MiB are read.
   */
  readonly jsonChunkBytes?: number;
  /**
   * The heap the reader's bounds derive from (bytes; default this process's, v8's
   * heap_size_limit): the largest file, heap / HEAP_BYTES_PER_GENESIS_BYTE (genesisByteLimit),
   * and the longest text lossless-json's own parser reads, heap / HEAP_BYTES_PER_SLOWLY_PARSED_BYTE.
   * Tests read small files the way big files are read in the default heap.
   */
  readonly heapSizeLimit?: number;
}

/** The validated doc of a genesis file's bytes (UTF-8), read without one string of the whole file (core/json-bytes.ts). */
export function parseGenesisFromBytes(bytes: Uint8Array, options: ParseOptions = {}): Result<GenesisDoc, GenesisProblem[]> {
  const heap = options.heapSizeLimit ?? getHeapStatistics().heap_size_limit;
  const limit = options.heapSizeLimit === undefined ? MAX_GENESIS_BYTES : genesisByteLimit(heap);
  if (bytes.length > limit) return err([{ path: '$', message: `genesis of ${bytes.length} bytes, more than the ${limit} a genesis may have`, tooLarge: true }]);
  // Windows editors save UTF-8 with a byte-order mark (EF BB BF); pocket-core's JSON reader refuses it too.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return err([bomProblem()]);
  const maxSlowLength = Math.floor(heap / HEAP_BYTES_PER_SLOWLY_PARSED_BYTE);
  const chunkBytes = options.jsonChunkBytes === undefined ? {} : { chunkBytes: options.jsonChunkBytes, wholeTextBytes: options.jsonChunkBytes };
  return validateTree(() => parseJsonBytes(bytes, { maxSlowLength, ...chunkBytes }), bytes.length, 'byte', heap, options);
}

/** The same for a text already decoded (tests, small files); positions in errors are characters. */
export function parseGenesis(text: string, options: ParseOptions = {}): Result<GenesisDoc, GenesisProblem[]> {
  if (text.length > MAX_GENESIS_BYTES) return err([{ path: '$', message: `genesis of ${text.length} characters, more than the ${MAX_GENESIS_BYTES} a genesis may have`, tooLarge: true }]);
  // The parser's own words showed the byte-order mark as an invisible character ("got '' at position 0").
  if (text.startsWith('\uFEFF')) return err([bomProblem()]);
  const maxSlowLength = Math.floor(getHeapStatistics().heap_size_limit / HEAP_BYTES_PER_SLOWLY_PARSED_BYTE);
  return validateTree(() => parseLosslessJson(text, { maxSlowLength }), text.length, 'character', getHeapStatistics().heap_size_limit, options);
}

function bomProblem(): GenesisProblem {
  return { path: '$', message: 'invalid JSON: the file starts with a UTF-8 byte-order mark (BOM); save it as UTF-8 without a BOM' };
}

/** The JSON tree `parse` builds, checked into a GenesisDoc; `unit` names what positions count. */
function validateTree(parse: () => unknown, length: number, unit: 'byte' | 'character', heap: number, options: ParseOptions): Result<GenesisDoc, GenesisProblem[]> {
  let root: unknown;
  try {
    root = parse();
  } catch (error) {
    if (error instanceof SlowParseRefused) return err([slowParseRefusal(length, unit, heap, error)]);
    // The parser recurses per level: a hostile nesting ends in V8's words, not a JSON problem.
    const message = error instanceof RangeError ? 'values nested too deeply' : error instanceof Error ? error.message : String(error);
    return err([{ path: '$', message: clipped(`invalid JSON: ${message}`) }]);
  }
  const reader = new JsonReader();
  const doc = readGenesis(reader, root, options);
  return doc === undefined || reader.problems.length > 0 ? err(reader.problems) : ok(doc);
}

function slowParseRefusal(length: number, unit: 'byte' | 'character', heap: number, refused: SlowParseRefused): GenesisProblem {
  const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const needed = Math.ceil((length * HEAP_BYTES_PER_SLOWLY_PARSED_BYTE) / 2 ** 30) * 1024;
  return {
    path: '$',
    message:
      `this ${mib(length)} file holds ${refused.reason} (${unit} ${refused.position}), which only the exact JSON parser reads as pocket-core's rules need; ` +
      `it needs ~${HEAP_BYTES_PER_SLOWLY_PARSED_BYTE}× the file in heap, more than this process's ${mib(heap)}: ` +
      `run with NODE_OPTIONS=--max-old-space-size=${needed} (MiB) on a machine with that much memory, or check the file (pocket-core and pokt-ledger write none of these)`,
    tooLarge: true,
  };
}

/** Block times are int64 nanoseconds since 1970 (chain/block.ts): 1677-09-21 … 2262-04-11. */
const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

/**
 * pocket-core's export-genesis-for-reset writes Go's zero time (0001-01-01T00:00:00Z), which
 * Tendermint replaced with the node's start time — not reproducible. An exported state with it
 * continues from the Unix epoch instead (its first block may carry any later time); anywhere
 * else a time outside int64 nanoseconds is refused (it would not survive the block encoding).
 */
function readGenesisTime(r: JsonReader, text: string, isExport: boolean): bigint | undefined {
  const ns = parseRfc3339Ns(text);
  if (ns === undefined) return r.fail('$.genesis_time', `not an RFC 3339 time: ${text}`);
  if (isExport && parseOptionalTime(text) === null) return 0n;
  if (ns < INT64_MIN || ns > INT64_MAX) return r.fail('$.genesis_time', `${text} is outside the int64 nanosecond range of block times (1677-09-21 … 2262-04-11)`);
  return ns;
}

function readGenesis(r: JsonReader, root: unknown, options: ParseOptions): GenesisDoc | undefined {
  const top = r.object(root, '$');
  if (top === undefined) return undefined;
  const chainId = r.string(r.field(top, 'chain_id', '$'), '$.chain_id');
  if (chainId !== undefined && (chainId.length === 0 || chainId.length > MAX_CHAIN_ID_LENGTH)) r.fail('$.chain_id', `must be 1–${MAX_CHAIN_ID_LENGTH} characters`);
  const timeText = r.string(r.field(top, 'genesis_time', '$'), '$.genesis_time');
  const consensus = readConsensus(r, r.field(top, 'consensus_params', '$'), top['pokt_ledger']);
  const appState = r.object(r.field(top, 'app_state', '$'), '$.app_state');
  if (appState === undefined) return undefined;
  const modules = Object.fromEntries(SUBSPACES.map((name) => [name, r.object(r.field(appState, name, '$.app_state'), `$.app_state.${name}`)]));
  const isExport = modules['pos']?.['exported'] === true || top['initial_height'] !== undefined;
  const genesisTimeNs = timeText === undefined ? undefined : readGenesisTime(r, timeText, isExport);
  const params = readParams(r, modules);
  // pocket-core's ValidateGenesis rules, held against a fresh genesis only (validate-genesis.ts).
  if (!isExport && params !== undefined) checkFreshGenesisParams(r, params.params);
  const fresh = isExport || params === undefined ? undefined : freshGenesisRules(params.params);
  const exportedAccounts: ExportedAccounts = { moduleAccounts: [], irregularAccounts: [] };
  const accounts = readAccounts(r, modules['auth'], isExport ? exportedAccounts : undefined);
  const declaredSupplyUpokt = readDeclaredSupply(r, modules['auth']);
  const validators = readValidators(r, modules['pos'], fresh);
  const applications = readApplications(r, modules['application'], isExport, fresh);
  const daoTokensUpokt = modules['gov'] === undefined ? undefined : r.amount(r.field(modules['gov'], 'DAO_Tokens', '$.app_state.gov'), '$.app_state.gov.DAO_Tokens');
  const exported = isExport ? readExportedState(r, top, modules, exportedAccounts, new Set(validators.map((v) => v.address)), options.exportedHeight) : null;
  if (!isExport) checkExportedStateEmpty(r, modules);
  else checkExportedPools(r, { accounts, ...exportedAccounts, validators, applications, declaredSupplyUpokt, daoTokensUpokt });
  const ledgerAcl = exported?.extension?.acl;
  const paramsPart = params === undefined || exported === undefined ? undefined : ledgerAcl !== undefined && ledgerAcl !== null ? restoreLedgerAcl(r, params, ledgerAcl) : completeAcl(params, exported?.height ?? 0);
  if (chainId === undefined || genesisTimeNs === undefined || consensus === undefined || paramsPart === undefined || daoTokensUpokt === undefined || exported === undefined) return undefined;
  return { chainId, genesisTimeNs, consensus, ...paramsPart, accounts, declaredSupplyUpokt, validators, applications, daoTokensUpokt, exported };
}

/** Tendermint v0.32's MaxBlockSizeBytes (types/params.go:13). */
const TENDERMINT_MAX_BLOCK_BYTES = 104_857_600n;

/**
 * consensus_params as Tendermint's GenesisDoc.ValidateAndComplete holds them to
 * ConsensusParams.Validate (fork 59310158d3e9 types/genesis.go:76-80, types/params.go:101-140): block.max_bytes
 * within 1..104,857,600, block.max_gas ≥ −1, block.time_iota_ms > 0, evidence.max_age > 0, and
 * a known pub key type (we take only ed25519). A field amino does not find reads as 0 there:
 * max_gas may be absent, time_iota_ms may not. block.max_bytes is the chain's first block size
 * limit (chain/consensus-params.ts). Example: max_bytes "0" → refused at
 * $.consensus_params.block.max_bytes (unless the ledger's export section gives the limit:
 * readBlockMaxBytes); max_bytes "3000" is a valid (small) limit.
 */
function readConsensus(r: JsonReader, node: unknown, ledgerSection: unknown): GenesisDoc['consensus'] | undefined {
  const path = '$.consensus_params';
  const consensus = r.object(node, path);
  if (consensus === undefined) return undefined;
  const block = r.object(r.field(consensus, 'block', path), `${path}.block`);
  const evidence = r.object(r.field(consensus, 'evidence', path), `${path}.evidence`);
  const validator = r.object(r.field(consensus, 'validator', path), `${path}.validator`);
  const blockMaxBytes = block && readBlockMaxBytes(r, block, ledgerSection);
  if (block !== undefined) {
    inRange(r, block, `${path}.block`, 'max_gas', -1n, undefined, 0n);
    inRange(r, block, `${path}.block`, 'time_iota_ms', 1n, undefined, 0n);
  }
  const evidenceMaxAge = evidence && inRange(r, evidence, `${path}.evidence`, 'max_age', 1n, undefined);
  const types = validator && r.array(r.field(validator, 'pub_key_types', `${path}.validator`), `${path}.validator.pub_key_types`);
  if (types !== undefined && (types.length !== SUPPORTED_PUB_KEY_TYPES.length || types.some((type, i) => type !== SUPPORTED_PUB_KEY_TYPES[i]))) r.fail(`${path}.validator.pub_key_types`, `only ${JSON.stringify(SUPPORTED_PUB_KEY_TYPES)} is supported`);
  if (blockMaxBytes === undefined || evidenceMaxAge === undefined || types === undefined) return undefined;
  return { blockMaxBytes, evidenceMaxAge, pubKeyTypes: types as string[] };
}

/**
 * block.max_bytes, or — where it is "0" — the ledger export's `pokt_ledger.block_max_bytes`.
 * pocket-core's ExportState writes the keeper's BlockByteSize there (app/pocket.go:172), 0 while
 * its store holds none (none before BLOCK's hook or a ParamChange, x/pocketcore/module.go:106-113,
 * types/param.go:107-125), a file Tendermint refuses (types/params.go:102-105). The ledger's export
 * then carries the limit its blocks were held to (export.ts exportedBlockLimit), and the chain
 * continues with it. A file without it is refused, as Tendermint refuses it; beside any other
 * max_bytes the field is refused too (the exporter never writes it there: two limits, one unused).
 * One problem is reported where there is one: a damaged block_max_bytes at its own path, not also
 * as the 0 it stands in for.
 */
function readBlockMaxBytes(r: JsonReader, block: Record<string, unknown>, ledgerSection: unknown): bigint | undefined {
  const path = '$.consensus_params.block';
  const section = ledgerSection !== null && typeof ledgerSection === 'object' && !Array.isArray(ledgerSection) ? (ledgerSection as Record<string, unknown>) : undefined;
  if (section === undefined || !Object.prototype.hasOwnProperty.call(section, 'block_max_bytes')) return inRange(r, block, path, 'max_bytes', 1n, TENDERMINT_MAX_BLOCK_BYTES);
  const written = r.int64(r.field(block, 'max_bytes', path), `${path}.max_bytes`);
  if (written === undefined) return undefined;
  if (written !== 0n) return r.fail('$.pokt_ledger.block_max_bytes', 'only written beside consensus_params.block.max_bytes "0" (feature BLOCK inactive at the exported height)');
  return inRange(r, section, '$.pokt_ledger', 'block_max_bytes', 1n, TENDERMINT_MAX_BLOCK_BYTES);
}

/** An int64 field within min..max (Tendermint's Validate); `absent`: the value amino reads for a missing field, else it is required. */
function inRange(r: JsonReader, object: Record<string, unknown>, path: string, name: string, min: bigint, max: bigint | undefined, absent?: bigint): bigint | undefined {
  const at = `${path}.${name}`;
  const value = absent !== undefined && !Object.prototype.hasOwnProperty.call(object, name) ? absent : r.int64(r.field(object, name, path), at);
  if (value === undefined) return undefined;
  if (value < min) return r.fail(at, `must be at least ${min} (Tendermint's ConsensusParams.Validate, types/params.go:101-138), is ${value}${Object.prototype.hasOwnProperty.call(object, name) ? '' : ' (absent)'}`);
  if (max !== undefined && value > max) return r.fail(at, `must be at most ${max} (Tendermint's MaxBlockSizeBytes, types/params.go:13,106-109), is ${value}`);
  return value;
}

type ParamsPart = Pick<GenesisDoc, 'params' | 'defaultedParams' | 'addedAclKeys'>;

function readParams(r: JsonReader, modules: Record<string, Record<string, unknown> | undefined>): ParamsPart | undefined {
  const params = new Map<string, ParamValue>();
  const defaulted: string[] = [];
  for (const subspace of SUBSPACES) {
    const module = modules[subspace];
    if (module === undefined) continue;
    const path = `$.app_state.${subspace}.params`;
    const section = r.object(r.field(module, 'params', `$.app_state.${subspace}`), path);
    if (section === undefined) continue;
    const known = new Set(PARAM_SPECS.filter((s) => s.subspace === subspace).map((s) => s.json));
    for (const name of Object.keys(section)) if (!known.has(name)) r.fail(`${path}.${name}`, 'unknown parameter');
    for (const spec of PARAM_SPECS.filter((s) => s.subspace === subspace)) {
      if (!Object.prototype.hasOwnProperty.call(section, spec.json)) {
        if (spec.genesis === 'required') r.fail(`${path}.${spec.json}`, `missing required parameter ${spec.key}`);
        else {
          params.set(spec.key, spec.genesis.default);
          defaulted.push(spec.key);
        }
        continue;
      }
      const parsed = parseParamValue(spec.kind, section[spec.json]);
      if (parsed.ok) params.set(spec.key, parsed.value);
      else r.fail(`${path}.${spec.json}`, parsed.error);
    }
  }
  if (params.size !== PARAM_SPECS.length) return undefined;
  checkParamSanity(r, params);
  checkAclKeys(r, params);
  return { params, defaultedParams: defaulted, addedAclKeys: [] };
}

/** The genesis-time Validate() rules of each module (Validate() in each x/<module>/types/params.go). */
function checkParamSanity(r: JsonReader, params: Map<string, ParamValue>): void {
  const int = (key: string): bigint => params.get(key) as bigint;
  if (int('application/MaxApplications') === 0n) r.fail(paramPath('application/MaxApplications'), 'must not be 0');
  if (int('application/ApplicationStakeMinimum') < 1_000_000n) r.fail(paramPath('application/ApplicationStakeMinimum'), 'must be at least 1000000 uPOKT');
  if (int('application/BaseRelaysPerPOKT') < 0n) r.fail(paramPath('application/BaseRelaysPerPOKT'), 'must not be negative');
  if (params.get('pos/StakeDenom') !== 'upokt') r.fail(paramPath('pos/StakeDenom'), 'only "upokt" is supported');
  if (int('pos/MaxValidators') <= 0n) r.fail(paramPath('pos/MaxValidators'), 'must be positive');
  if (int('pos/StakeMinimum') < 1_000_000n) r.fail(paramPath('pos/StakeMinimum'), 'must be at least 1000000 uPOKT');
  if (int('pos/BlocksPerSession') < 2n) r.fail(paramPath('pos/BlocksPerSession'), 'must be at least 2');
  const dao = int('pos/DAOAllocation');
  const proposer = int('pos/ProposerPercentage');
  if (dao < 0n || proposer < 0n || dao + proposer > 100n) r.fail(paramPath('pos/DAOAllocation'), 'DAO and proposer allocations must be ≥ 0 and sum to at most 100');
  // Not a pocket-core Validate rule: there the chain starts, then the first block reward's
  // Dec(DAO).Quo(Dec(DAO + Proposer)) panics (x/nodes/keeper/params.go:168-184) — a halted chain.
  else if (dao + proposer === 0n) r.fail(paramPath('pos/DAOAllocation'), 'DAO and proposer allocations must not both be 0 (the block reward divides by their sum)');
  if (int('pos/SignedBlocksWindow') <= 0n) r.fail(paramPath('pos/SignedBlocksWindow'), 'must be positive');
  if (int('pos/ServicerStakeFloorMultiplier') <= 0n) r.fail(paramPath('pos/ServicerStakeFloorMultiplier'), 'must be positive');
  const burn = int('pos/FeeBurnPercentage');
  if (burn < 0n || burn > 100n) r.fail(paramPath('pos/FeeBurnPercentage'), 'must be within 0..100');
  const nodes = int('pocketcore/SessionNodeCount');
  if (nodes < 1n || nodes > 25n) r.fail(paramPath('pocketcore/SessionNodeCount'), 'must be within 1..25');
  const window = int('pocketcore/ClaimSubmissionWindow');
  if (window < 2n) r.fail(paramPath('pocketcore/ClaimSubmissionWindow'), 'must be at least 2');
  if (int('pocketcore/ClaimExpiration') < window) r.fail(paramPath('pocketcore/ClaimExpiration'), 'must be at least the claim submission window');
  if (int('pocketcore/ReplayAttackBurnMultiplier') < 0n) r.fail(paramPath('pocketcore/ReplayAttackBurnMultiplier'), 'must not be negative');
  checkBlockByteSizeFits(r, params);
  checkHaltingParams(r, params);
  const fees = params.get('auth/FeeMultipliers') as FeeMultipliers;
  const seen = new Set<string>();
  for (const override of fees.overrides) {
    if (seen.has(override.key)) r.fail(paramPath('auth/FeeMultipliers'), `duplicate message type ${override.key}`);
    seen.add(override.key);
  }
}

/**
 * Values governance refuses because pocket-core halts on them at a BeginBlock (ledger:15,
 * modules/gov/param-value.ts): MinSignedPerWindow × SignedBlocksWindow outside int64, a slash
 * fraction overflowing the Dec at the largest stake. A fresh genesis holds both fractions to
 * [0, 1] (validate-genesis.ts), so only an exported state — one a halted chain wrote — has them.
 */
function checkHaltingParams(r: JsonReader, params: Map<string, ParamValue>): void {
  const current = buildParams((key) => params.get(key));
  for (const key of ['pos/MinSignedPerWindow', 'pos/SlashFractionDowntime', 'pos/SlashFractionDoubleSign']) {
    const range = checkParamRange(key, params.get(key)!, current);
    if (!range.ok) r.fail(paramPath(key), range.error.message);
  }
}

/**
 * Not a pocket-core rule: a BlockByteSize above Tendermint's 104,857,600 stays inert while it is
 * unchanged (EndBlock hands over only a changed value, x/pocketcore/keeper/keeper.go:80-84), but
 * the chain's export would write it as consensus_params.block.max_bytes (app/pocket.go:163-176),
 * which Tendermint refuses, and governance refuses it too (modules/gov/param-value.ts).
 */
function checkBlockByteSizeFits(r: JsonReader, params: Map<string, ParamValue>): void {
  const range = checkParamRange('pocketcore/BlockByteSize', params.get('pocketcore/BlockByteSize')!, buildParams((key) => params.get(key)));
  if (!range.ok) r.fail(paramPath('pocketcore/BlockByteSize'), range.error.message);
}

/** Every ACL key must name a parameter (x/gov/types/acl.go:29-45). */
function checkAclKeys(r: JsonReader, params: ReadonlyMap<string, ParamValue>): void {
  (params.get('gov/acl') as readonly AclEntry[]).forEach((entry, index) => {
    if (!PARAM_SPECS_BY_KEY.has(entry.key)) r.fail(`$.app_state.gov.params.acl[${index}].acl_key`, `${entry.key} is not a recognized parameter`);
  });
}

/**
 * Parameters the ACL does not list get the DAO owner as owner, appended in registry order — what
 * pocket-core's gov BeginBlock does at each feature's activation height (x/gov/module.go:
 * 170-200); a feature on at the chain's first height (every unlisted feature, the ledger's
 * default) has had it. A feature-gated key whose feature is still off there gets none: pocket-core
 * adds its owner with the hook, so until then only an owner a `gov/acl` change names may change
 * it (ModifyParam checks the ACL alone, x/gov/keeper/subspace.go:199-202), and an upgrade that
 * switches it on at a past height leaves it unowned. Example: features ["RSCAL:1000"] at height
 * 0, an ACL of mainnet's 35 keys → 4 entries added (pocketcore/BlockByteSize,
 * pos/RelaysToTokensMultiplierMap and the ledger's two policy params), none for RSCAL's four.
 */
function completeAcl(params: ParamsPart, height: number): ParamsPart {
  const completed = new Map(params.params);
  const acl = completed.get('gov/acl') as readonly AclEntry[];
  const owner = completed.get('gov/daoOwner') as Address;
  const off = inactiveFeatures(completed.get('gov/upgrade') as Upgrade, height);
  const listed = new Set(acl.map((entry) => entry.key));
  const ownedNow = (key: string): boolean => {
    const feature = PARAM_FEATURE[key];
    return feature === undefined || !off.has(feature);
  };
  const added = PARAM_SPECS.filter((spec) => !listed.has(spec.key) && spec.genesis !== 'required' && ownedNow(spec.key)).map((spec) => spec.key);
  completed.set('gov/acl', [...acl, ...added.map((key) => ({ key, address: owner }))]);
  return { ...params, params: completed, addedAclKeys: added };
}

/**
 * A ledger export's whole ACL (`pokt_ledger.acl`) replaces the one the pocket-core section gave:
 * that section lists only the entries pocket-core's gov InitGenesis accepts (pocket-core-acl.ts),
 * which must be exactly the whole ACL's, in its order — else the two sections disagree and the
 * file is refused there.
 */
function restoreLedgerAcl(r: JsonReader, params: ParamsPart, ledgerAcl: readonly AclEntry[]): ParamsPart | undefined {
  const section = params.params.get('gov/acl') as readonly AclEntry[];
  const expected = pocketCoreAcl(ledgerAcl);
  const same = section.length === expected.length && section.every((entry, i) => entry.key === expected[i]!.key && entry.address === expected[i]!.address);
  if (!same) return r.fail('$.app_state.gov.params.acl', "is not pokt_ledger.acl without the entries pocket-core refuses (the sections disagree)");
  const restored = new Map(params.params);
  restored.set('gov/acl', ledgerAcl);
  return { ...params, params: restored, addedAclKeys: [] };
}

/**
 * `exported` given (an exported state): module accounts, and accounts at addresses that are not
 * 20 bytes (GenesisIrregularAccount), are read into it instead of refused.
 */
function readAccounts(r: JsonReader, auth: Record<string, unknown> | undefined, exported?: ExportedAccounts): GenesisAccount[] {
  if (auth === undefined) return [];
  const path = '$.app_state.auth.accounts';
  const list = r.array(r.field(auth, 'accounts', '$.app_state.auth'), path, { nullable: true }) ?? [];
  const accounts: GenesisAccount[] = [];
  const seen = new Set<string>();
  list.forEach((node, index) => {
    const at = `${path}[${index}]`;
    const wrapper = r.object(node, at);
    if (wrapper === undefined) return;
    const type = r.string(r.field(wrapper, 'type', at), `${at}.type`);
    if (type === 'posmint/ModuleAccount') {
      if (exported === undefined) return void r.fail(`${at}.type`, 'module accounts are created by the ledger (only an exported state, `exported: true`, may list them)');
      const account = readModuleAccount(r, r.field(wrapper, 'value', at), `${at}.value`);
      if (account !== undefined) exported.moduleAccounts.push(account);
      return;
    }
    if (type !== undefined && type !== 'posmint/Account') r.fail(`${at}.type`, `unknown account type ${type}`);
    const value = r.object(r.field(wrapper, 'value', at), `${at}.value`);
    if (value === undefined) return;
    const basePath = `${at}.value`;
    const irregular = exported === undefined ? undefined : irregularAddress(value['address']);
    if (irregular !== undefined) return void readIrregularAccount(r, value, basePath, irregular, seen, exported!.irregularAccounts);
    const address = r.address(r.field(value, 'address', basePath), `${basePath}.address`);
    const balanceUpokt = readCoins(r, r.field(value, 'coins', basePath), `${basePath}.coins`);
    const publicKey = readAccountPublicKey(r, value['public_key'], `${basePath}.public_key`);
    // x/auth/types/genesis.go:32-36 (GetPubKey().PubKey() on an absent key: pocket-core panics).
    if (exported === undefined && publicKey === null) r.fail(`${basePath}.public_key`, 'a genesis account needs its public key');
    if (address !== undefined && moduleNameOf(address) !== undefined) return void r.fail(`${basePath}.address`, `${address} is the ${moduleNameOf(address)} module account`);
    if (address === undefined || balanceUpokt === undefined || publicKey === undefined) return;
    if (publicKey !== null && addressFromPublicKey(mustHexToBytes(publicKey)) !== address) {
      r.fail(`${basePath}.address`, `address ${address} is not derived from public key ${publicKey}`);
      return;
    }
    if (seen.has(address)) r.fail(`${basePath}.address`, `duplicate account ${address}`);
    seen.add(address);
    accounts.push({ address, balanceUpokt, publicKey });
  });
  return accounts;
}

/** Coins: a list of {denom, amount}; only "upokt" exists, at most once. */
function readCoins(r: JsonReader, node: unknown, path: string): bigint | undefined {
  const coins = r.array(node, path, { nullable: true });
  if (coins === undefined) return undefined;
  let total: bigint | undefined = 0n;
  const denoms = new Set<string>();
  coins.forEach((coinNode, index) => {
    const coin = r.object(coinNode, `${path}[${index}]`);
    if (coin === undefined) return (total = undefined);
    const denom = r.string(r.field(coin, 'denom', `${path}[${index}]`), `${path}[${index}].denom`);
    const amount = r.amount(r.field(coin, 'amount', `${path}[${index}]`), `${path}[${index}].amount`);
    if (denom !== undefined && denom !== 'upokt') r.fail(`${path}[${index}].denom`, `unknown denomination ${denom}`);
    if (denom !== undefined && denoms.has(denom)) r.fail(`${path}[${index}].denom`, `duplicate denomination ${denom}`);
    if (denom !== undefined) denoms.add(denom);
    if (amount === undefined || total === undefined) total = undefined;
    else total += amount;
    return undefined;
  });
  return total;
}

function readAccountPublicKey(r: JsonReader, node: unknown, path: string): ReturnType<JsonReader['publicKey']> | null {
  if (node === undefined || node === null) return null;
  const key = r.object(node, path);
  if (key === undefined) return undefined;
  const type = r.string(r.field(key, 'type', path), `${path}.type`);
  if (type !== undefined && type !== 'crypto/ed25519_public_key') r.fail(`${path}.type`, `unsupported key type ${type}`);
  return r.publicKey(r.field(key, 'value', path), `${path}.value`);
}

function readDeclaredSupply(r: JsonReader, auth: Record<string, unknown> | undefined): bigint | null {
  if (auth === undefined || auth['supply'] === undefined || auth['supply'] === null) return null;
  const list = r.array(auth['supply'], '$.app_state.auth.supply');
  if (list === undefined || list.length === 0) return null;
  return readCoins(r, list, '$.app_state.auth.supply') ?? null;
}

/**
 * null is no chains: pocket-core's exporter writes a validator's or application's empty (nil)
 * chain list so (encoding/json and amino write a nil slice as null; a protobuf-stored empty list
 * comes back nil), and Go reads it back as none.
 */
function readChains(r: JsonReader, node: unknown, path: string): string[] | undefined {
  const list = r.array(node, path, { nullable: true });
  if (list === undefined) return undefined;
  const chains: string[] = [];
  list.forEach((item, index) => {
    const chain = typeof item === 'string' ? canonicalChainId(item) : undefined;
    if (chain === undefined || chain.length > 4) r.fail(`${path}[${index}]`, `relay chain id must be 1–2 bytes of hex, got ${kindOf(item)}`);
    else chains.push(chain);
  });
  return chains.length === list.length ? chains : undefined;
}

/** `fresh`: a fresh genesis's rules (validate-genesis.ts); undefined for an exported state. */
function readValidators(r: JsonReader, pos: Record<string, unknown> | undefined, fresh: FreshGenesisRules | undefined): GenesisValidator[] {
  if (pos === undefined) return [];
  const path = '$.app_state.pos.validators';
  const list = r.array(r.field(pos, 'validators', '$.app_state.pos'), path, { nullable: true }) ?? [];
  const validators: GenesisValidator[] = [];
  const seen = new Set<string>();
  list.forEach((node, index) => {
    const at = `${path}[${index}]`;
    const v = r.object(node, at);
    if (v === undefined) return;
    const address = r.address(r.field(v, 'address', at), `${at}.address`);
    const publicKey = r.publicKey(r.field(v, 'public_key', at), `${at}.public_key`);
    const jailed = r.boolean(r.field(v, 'jailed', at), `${at}.jailed`);
    const status = r.smallInteger(r.field(v, 'status', at), `${at}.status`);
    const tokensUpokt = r.amount(r.field(v, 'tokens', at), `${at}.tokens`);
    const serviceUrl = r.string(r.field(v, 'service_url', at), `${at}.service_url`);
    const chains = readChains(r, r.field(v, 'chains', at), `${at}.chains`);
    const unstakingText = r.string(r.field(v, 'unstaking_time', at), `${at}.unstaking_time`);
    const unstakingTimeNs = unstakingText === undefined ? undefined : parseOptionalTime(unstakingText);
    if (unstakingText !== undefined && unstakingTimeNs === undefined) r.fail(`${at}.unstaking_time`, `not an RFC 3339 time: ${unstakingText}`);
    const outputAddress = v['output_address'] === undefined || v['output_address'] === null || v['output_address'] === '' ? null : r.address(v['output_address'], `${at}.output_address`);
    const rewardDelegators = readDelegators(r, v['reward_delegators'], `${at}.reward_delegators`);
    if (status !== undefined && status !== 1 && status !== 2) r.fail(`${at}.status`, status === 0 ? 'validators must be staked or unstaking at genesis' : `unknown status ${status}`);
    if (serviceUrl !== undefined && serviceUrl.length > 255) r.fail(`${at}.service_url`, 'longer than 255 characters');
    if (tokensUpokt === 0n) r.fail(`${at}.tokens`, 'a validator needs tokens');
    if (fresh !== undefined) checkFreshValidator(r, at, fresh, { tokensUpokt, serviceUrl });
    if (address === undefined || publicKey === undefined || jailed === undefined || (status !== 1 && status !== 2) || tokensUpokt === undefined) return;
    if (serviceUrl === undefined || chains === undefined || unstakingTimeNs === undefined || outputAddress === undefined || rewardDelegators === undefined) return;
    if (addressFromPublicKey(mustHexToBytes(publicKey)) !== address) return void r.fail(`${at}.address`, `address ${address} is not derived from public key ${publicKey}`);
    if (seen.has(address)) r.fail(`${at}.address`, `duplicate validator ${address}`);
    seen.add(address);
    validators.push({ address, publicKey, jailed, status, chains, serviceUrl, tokensUpokt, unstakingTimeNs, outputAddress, rewardDelegators });
  });
  return validators;
}

function readDelegators(r: JsonReader, node: unknown, path: string): Record<string, number> | null | undefined {
  if (node === undefined || node === null) return null;
  const map = r.object(node, path);
  if (map === undefined) return undefined;
  const out: Record<string, number> = {};
  let sum = 0;
  for (const key of Object.keys(map).sort()) {
    const address = r.address(key, `${path}.${key}`);
    const share = r.smallInteger(map[key], `${path}.${key}`);
    if (address === undefined || share === undefined) return undefined;
    if (share === 0) return r.fail(`${path}.${key}`, 'a delegator share must be positive');
    sum += share;
    out[address] = share;
  }
  if (sum > 100) return r.fail(path, `delegator shares sum to ${sum} > 100`);
  // An empty map is none: pocket-core stores the validator as protobuf, where an empty map
  // writes no entry and reads back nil (x/nodes/types/nodes.pb.go:43), exported as null.
  return Object.keys(out).length === 0 ? null : out;
}

/**
 * `exported`: Unstaking applications are state too (pocket-core's importer skips them and then fails its pool check).
 * `fresh`: a fresh genesis's rules (validate-genesis.ts); undefined for an exported state.
 */
function readApplications(r: JsonReader, application: Record<string, unknown> | undefined, exported: boolean, fresh: FreshGenesisRules | undefined): GenesisApplication[] {
  if (application === undefined) return [];
  const path = '$.app_state.application.applications';
  const list = r.array(r.field(application, 'applications', '$.app_state.application'), path, { nullable: true }) ?? [];
  const apps: GenesisApplication[] = [];
  const seen = new Set<string>();
  list.forEach((node, index) => {
    const at = `${path}[${index}]`;
    const a = r.object(node, at);
    if (a === undefined) return;
    const address = r.address(r.field(a, 'address', at), `${at}.address`);
    const publicKey = r.publicKey(r.field(a, 'public_key', at), `${at}.public_key`);
    const jailed = r.boolean(r.field(a, 'jailed', at), `${at}.jailed`);
    const status = r.smallInteger(r.field(a, 'status', at), `${at}.status`);
    const stakedTokensUpokt = r.amount(r.field(a, 'staked_tokens', at), `${at}.staked_tokens`);
    const chains = readChains(r, r.field(a, 'chains', at), `${at}.chains`);
    const unstakingText = r.string(r.field(a, 'unstaking_time', at), `${at}.unstaking_time`);
    const unstakingTimeNs = unstakingText === undefined ? undefined : parseOptionalTime(unstakingText);
    if (unstakingText !== undefined && unstakingTimeNs === undefined) r.fail(`${at}.unstaking_time`, `not an RFC 3339 time: ${unstakingText}`);
    // Recomputed at a fresh genesis, as InitGenesis does; kept as fixed at stake time in an exported state.
    const maxRelaysUpokt = a['max_relays'] === undefined ? undefined : r.amount(a['max_relays'], `${at}.max_relays`);
    const allowed = exported ? [1, 2] : [2];
    if (status !== undefined && !allowed.includes(status)) r.fail(`${at}.status`, status === 0 || status === 1 ? 'applications must be staked at genesis' : `unknown status ${status}`);
    if (exported && maxRelaysUpokt === undefined) r.fail(`${at}.max_relays`, 'an exported application needs its max_relays');
    if (fresh !== undefined) checkFreshApplication(r, at, fresh, { jailed, stakedTokensUpokt });
    if (address === undefined || publicKey === undefined || jailed === undefined || (status !== 1 && status !== 2) || stakedTokensUpokt === undefined) return;
    if (chains === undefined || unstakingTimeNs === undefined) return;
    if (addressFromPublicKey(mustHexToBytes(publicKey)) !== address) return void r.fail(`${at}.address`, `address ${address} is not derived from public key ${publicKey}`);
    if (seen.has(address)) r.fail(`${at}.address`, `duplicate application ${address}`);
    seen.add(address);
    apps.push({ address, publicKey, jailed, status, chains, stakedTokensUpokt, unstakingTimeNs, ...(exported && maxRelaysUpokt !== undefined ? { maxRelays: maxRelaysUpokt } : {}) });
  });
  return apps;
}

/**
 * An exported state's pools must hold what their owners staked (x/nodes and x/apps InitGenesis
 * check the same and exit) and the supply must be every balance's sum. Unstaking validators and
 * applications count: their tokens stay in the pool until they are paid out.
 */
/** Longest irregular address accepted: 64 bytes, the longest of mainnet's (recovery_allowlist.go). */
const MAX_IRREGULAR_ADDRESS_HEX = 128;

/** The lower-case hex of an address that is hex of whole bytes but not 20 of them; else undefined. */
function irregularAddress(node: unknown): string | undefined {
  if (typeof node !== 'string' || node.length === 40 || node.length === 0 || node.length % 2 !== 0 || node.length > MAX_IRREGULAR_ADDRESS_HEX) return undefined;
  return /^[0-9a-fA-F]+$/.test(node) ? node.toLowerCase() : undefined;
}

/** An account at an irregular address: its coins, no public key (none hashes to it), no duplicate. */
function readIrregularAccount(r: JsonReader, value: Record<string, unknown>, basePath: string, address: string, seen: Set<string>, into: GenesisIrregularAccount[]): void {
  const balanceUpokt = readCoins(r, r.field(value, 'coins', basePath), `${basePath}.coins`);
  const publicKey = readAccountPublicKey(r, value['public_key'], `${basePath}.public_key`);
  if (balanceUpokt === undefined || publicKey === undefined) return;
  if (publicKey !== null) return void r.fail(`${basePath}.public_key`, `address ${address} is ${address.length / 2} bytes: no public key derives it`);
  if (seen.has(address)) return void r.fail(`${basePath}.address`, `duplicate account ${address}`);
  seen.add(address);
  into.push({ address, balanceUpokt, path: `${basePath}.address` });
}

function checkExportedPools(r: JsonReader, parts: { accounts: GenesisAccount[]; moduleAccounts: GenesisModuleAccount[]; irregularAccounts: GenesisIrregularAccount[]; validators: GenesisValidator[]; applications: GenesisApplication[]; declaredSupplyUpokt: bigint | null; daoTokensUpokt: bigint | undefined }): void {
  const balanceOf = (name: string): bigint => parts.moduleAccounts.find((m) => m.name === name)?.balanceUpokt ?? 0n;
  const nodes = parts.validators.reduce((sum, v) => sum + v.tokensUpokt, 0n);
  const apps = parts.applications.reduce((sum, a) => sum + a.stakedTokensUpokt, 0n);
  const path = '$.app_state.auth.accounts';
  if (balanceOf('staked_tokens_pool') !== nodes) r.fail(path, `module account staked_tokens_pool holds ${balanceOf('staked_tokens_pool')}, the validators' tokens sum to ${nodes}`);
  if (balanceOf('application_staked_tokens_pool') !== apps) r.fail(path, `module account application_staked_tokens_pool holds ${balanceOf('application_staked_tokens_pool')}, the applications' stakes sum to ${apps}`);
  if (parts.daoTokensUpokt !== undefined && balanceOf('dao') !== parts.daoTokensUpokt) r.fail('$.app_state.gov.DAO_Tokens', `${parts.daoTokensUpokt} ≠ the dao module account's ${balanceOf('dao')}`);
  const sum = [...parts.accounts, ...parts.moduleAccounts, ...parts.irregularAccounts].reduce((total, a) => total + a.balanceUpokt, 0n);
  if (parts.declaredSupplyUpokt !== null && parts.declaredSupplyUpokt !== sum) r.fail('$.app_state.auth.supply', `declared supply ${parts.declaredSupplyUpokt} ≠ the sum of all balances ${sum}`);
}

function checkExportedStateEmpty(r: JsonReader, modules: Record<string, Record<string, unknown> | undefined>): void {
  const empty = (node: unknown): boolean =>
    node === undefined || node === null || node === '' || (Array.isArray(node) && node.length === 0) || (typeof node === 'object' && Object.keys(node as object).length === 0);
  const sections: Array<[string, string]> = [
    ['pos', 'signing_infos'],
    ['pos', 'missed_blocks'],
    ['pos', 'previous_proposer'],
    ['pos', 'prevState_validator_powers'],
    ['pocketcore', 'claims'],
  ];
  for (const [module, name] of sections) {
    const node = modules[module]?.[name];
    if (!empty(node)) r.fail(`$.app_state.${module}.${name}`, 'exported chain state is not supported: chains start at height 0');
  }
  if (modules['pos']?.['exported'] === true) r.fail('$.app_state.pos.exported', 'exported genesis files are not supported');
}
