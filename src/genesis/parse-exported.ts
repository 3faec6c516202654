/**
 * The exported-state parts of a genesis (pocket-core `export-genesis-for-reset` shape, see
 * genesis/export.ts): module accounts, signing infos, missed blocks, previous validator powers,
 * previous proposer, outstanding claims, the height (Tendermint's `initial_height` = H + 1, or the
 * ledger extension's `height`) and the ledger's `pokt_ledger` extension. Every problem is
 * recorded with its JSON path (JsonReader); nothing throws.
 *
 * pocket-core facts relied on: signing-info map keys and the missed-blocks map are hex addresses
 * (x/nodes/genesis.go, sdk.AddressFromHex — any case); PrevStatePowerMapping has no JSON tags,
 * so its keys are `Address` and `Power` (int64 as a string, amino JSON); MsgClaim's JSON is
 * {header{app_public_key,chain,session_height}, merkle_root{merkleHash (base64), range{lower,
 * upper}}, total_proofs, from_address, evidence_type, expiration_height} (x/pocketcore/types/
 * pocket.pb.go). `missed_blocks` ({address: [{index, missed}]}, x/nodes/types/genesis.go:15,26-29)
 * is applied entry by entry as InitGenesis does (SetValidatorMissedAt, x/nodes/genesis.go:104-114:
 * a later entry for the same index overwrites an earlier one; `missed: false` stores an unset
 * bit). pocket-core's own exporter always writes `{}`; the ledger's writes its set bits.
 * `missed_blocks_counter` may be negative (a signed vote over a stale bit, slashing/state.ts).
 */
import { isLosslessNumber } from 'lossless-json';
import { parseOptionalTime } from '../core/time.js';
import type { Address } from '../core/types.js';
import { claimKey, sessionHeaderHash, type ClaimRecord } from '../modules/pocketcore/index.js';
import { moduleNameOf } from '../modules/auth/index.js';
import { compareByPowerThenAddress } from '../modules/nodes/index.js';
import type { SigningInfo } from '../modules/slashing/index.js';
import { EXPORT_EXTENSION_FORMAT } from './export.js';
import { parseParamValue, type AclEntry } from '../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../params/registry.js';
import type { JsonReader } from './reader.js';
import type { ExportedState, GenesisIrregularAccount, GenesisModuleAccount, LedgerExtension } from './types.js';

type Modules = Record<string, Record<string, unknown> | undefined>;

/** An int64 written as a decimal string (amino JSON) or a plain JSON number. */
function int64(r: JsonReader, node: unknown, path: string): number | undefined {
  const text = typeof node === 'string' ? node : isLosslessNumber(node) ? node.toString() : undefined;
  if (text === undefined || !/^(0|[1-9][0-9]{0,14})$/.test(text)) return r.fail(path, `expected a non-negative integer, got ${JSON.stringify(text ?? typeof node)}`);
  return Number(text);
}

/** A signed int64 (amino JSON string or a plain number): missed_blocks_counter can go below 0. */
function signedInt64(r: JsonReader, node: unknown, path: string): number | undefined {
  const text = typeof node === 'string' ? node : isLosslessNumber(node) ? node.toString() : undefined;
  if (text === undefined || !/^(0|-?[1-9][0-9]{0,14})$/.test(text)) return r.fail(path, `expected an integer, got ${JSON.stringify(text ?? typeof node)}`);
  return Number(text);
}

export function readModuleAccount(r: JsonReader, node: unknown, path: string): GenesisModuleAccount | undefined {
  const value = r.object(node, path);
  if (value === undefined) return undefined;
  // Go's embedded *BaseAccount: flattened, or nested under "BaseAccount" by some encoders.
  const base = typeof value['BaseAccount'] === 'object' && value['BaseAccount'] !== null ? (value['BaseAccount'] as Record<string, unknown>) : value;
  const basePath = base === value ? path : `${path}.BaseAccount`;
  const address = r.address(r.field(base, 'address', basePath), `${basePath}.address`);
  const name = r.string(r.field(value, 'name', path), `${path}.name`);
  const coins = base['coins'];
  const list = r.array(coins, `${basePath}.coins`, { nullable: true }) ?? [];
  let balanceUpokt = 0n;
  list.forEach((coin, i) => {
    const c = r.object(coin, `${basePath}.coins[${i}]`);
    if (c === undefined) return;
    if (c['denom'] !== 'upokt') r.fail(`${basePath}.coins[${i}].denom`, `unknown denomination ${String(c['denom'])}`);
    balanceUpokt += r.amount(c['amount'], `${basePath}.coins[${i}].amount`) ?? 0n;
  });
  if (address === undefined || name === undefined) return undefined;
  if (moduleNameOf(address) !== name) return r.fail(`${basePath}.address`, `${address} is not the address of module account ${JSON.stringify(name)}`);
  return { address, name, balanceUpokt };
}

/** The accounts only an exported state may list, collected while the accounts are read (parse.ts). */
export interface ExportedAccounts {
  readonly moduleAccounts: GenesisModuleAccount[];
  readonly irregularAccounts: GenesisIrregularAccount[];
}

/** `validators`: the addresses of the file's validators (the validator set must name only them). */
export function readExportedState(r: JsonReader, top: Record<string, unknown>, modules: Modules, accounts: ExportedAccounts, validators: ReadonlySet<Address>, givenHeight?: number): ExportedState | undefined {
  const pos = modules['pos'] ?? {};
  const extension = readExtension(r, top['pokt_ledger']);
  const fileHeight = readHeight(r, top, extension, givenHeight === undefined);
  const height = givenHeight === undefined ? fileHeight : agreeingHeight(r, givenHeight, fileHeight);
  const signingInfos = readSigningInfos(r, pos['signing_infos']);
  const missedBlocks = readMissedBlocks(r, pos['missed_blocks']);
  const validatorPowers = readPowers(r, pos['prevState_validator_powers'], validators);
  const proposerText = pos['previous_proposer'];
  const previousProposer = proposerText === undefined || proposerText === null || proposerText === '' ? null : r.address(proposerText, '$.app_state.pos.previous_proposer');
  const claims = readClaims(r, modules['pocketcore']?.['claims'], height ?? 0, top['pokt_ledger']);
  if (height !== undefined && extension) checkVersionsWithin(r, extension, height);
  if (height === undefined || previousProposer === undefined || extension === undefined) return undefined;
  return { height, moduleAccounts: accounts.moduleAccounts, irregularAccounts: accounts.irregularAccounts, signingInfos, missedBlocks, validatorPowers, previousProposer, claims, extension };
}

/** The height given beside the file (init --exported-height) must be the file's own, when it has one. */
function agreeingHeight(r: JsonReader, given: number, inFile: number | undefined): number | undefined {
  if (!Number.isSafeInteger(given) || given < 0) return r.fail('$.initial_height', `the given exported height ${given} is not a height`);
  if (inFile !== undefined && inFile !== given) return r.fail('$.initial_height', `the file says the state is at height ${inFile}, not the given ${given}`);
  return given;
}

function readHeight(r: JsonReader, top: Record<string, unknown>, extension: LedgerExtension | null | undefined, required: boolean): number | undefined {
  const initial = top['initial_height'];
  const heightNode = (top['pokt_ledger'] as { height?: unknown } | undefined)?.height;
  const fromExtension = extension === null || extension === undefined || heightNode === undefined ? undefined : int64(r, heightNode, '$.pokt_ledger.height');
  if (initial === undefined) {
    if (fromExtension !== undefined || !required) return fromExtension;
    return r.fail(
      '$.initial_height',
      'an exported state needs the height it continues at (Tendermint `initial_height` = exported height + 1); pocket-core `export-genesis-for-reset` files do not carry it: give it with `init --exported-height H`',
    );
  }
  const value = int64(r, initial, '$.initial_height');
  if (value === undefined) return undefined;
  if (value < 1) return r.fail('$.initial_height', 'must be at least 1');
  if (fromExtension !== undefined && fromExtension !== value - 1) return r.fail('$.pokt_ledger.height', `${fromExtension} ≠ initial_height − 1 (${value - 1})`);
  return value - 1;
}

function readSigningInfos(r: JsonReader, node: unknown): SigningInfo[] {
  const path = '$.app_state.pos.signing_infos';
  if (node === undefined || node === null) return [];
  const map = r.object(node, path);
  if (map === undefined) return [];
  const infos: SigningInfo[] = [];
  for (const key of Object.keys(map).sort()) {
    const at = `${path}.${key}`;
    const keyAddress = r.address(key, at);
    const info = r.object(map[key], at);
    if (info === undefined || keyAddress === undefined) continue;
    const address = r.address(r.field(info, 'address', at), `${at}.address`);
    if (address !== undefined && address !== keyAddress) r.fail(`${at}.address`, `${address} ≠ its map key ${keyAddress}`);
    const startHeight = int64(r, r.field(info, 'start_height', at), `${at}.start_height`);
    const indexOffset = int64(r, r.field(info, 'index_offset', at), `${at}.index_offset`);
    const jailedText = r.string(r.field(info, 'jailed_until', at), `${at}.jailed_until`);
    const jailedUntilNs = jailedText === undefined ? undefined : parseOptionalTime(jailedText);
    if (jailedText !== undefined && jailedUntilNs === undefined) r.fail(`${at}.jailed_until`, `not an RFC 3339 time: ${jailedText}`);
    const missed = signedInt64(r, r.field(info, 'missed_blocks_counter', at), `${at}.missed_blocks_counter`);
    const jailedBlocks = int64(r, r.field(info, 'jailed_blocks_counter', at), `${at}.jailed_blocks_counter`);
    if (address === undefined || startHeight === undefined || indexOffset === undefined || jailedUntilNs === undefined || missed === undefined || jailedBlocks === undefined) continue;
    infos.push({ address, startHeight, indexOffset, jailedUntilNs, missedBlocksCounter: missed, jailedBlocksCounter: jailedBlocks });
  }
  return infos;
}

/** `missed_blocks`: each address's entries applied in order; the set bits kept (see the header). */
function readMissedBlocks(r: JsonReader, node: unknown): ExportedState['missedBlocks'] {
  const path = '$.app_state.pos.missed_blocks';
  if (node === undefined || node === null) return [];
  const map = r.object(node, path);
  if (map === undefined) return [];
  const byAddress = new Map<Address, Set<number>>();
  for (const key of Object.keys(map)) {
    const address = r.address(key, `${path}.${key}`);
    const list = r.array(map[key], `${path}.${key}`, { nullable: true }) ?? [];
    if (address === undefined) continue;
    if (byAddress.has(address)) {
      r.fail(`${path}.${key}`, `${address} is listed twice`);
      continue;
    }
    const bits = new Set<number>();
    list.forEach((entry, i) => {
      const at = `${path}.${key}[${i}]`;
      const value = r.object(entry, at);
      if (value === undefined) return;
      const index = int64(r, r.field(value, 'index', at), `${at}.index`);
      const missed = value['missed'];
      if (typeof missed !== 'boolean') return void r.fail(`${at}.missed`, `expected true or false, got ${JSON.stringify(missed)}`);
      if (index === undefined) return;
      if (missed) bits.add(index);
      else bits.delete(index);
    });
    byAddress.set(address, bits);
  }
  return [...byAddress.entries()]
    .filter(([, bits]) => bits.size > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([address, bits]) => ({ address, indices: [...bits].sort((a, b) => a - b) }));
}

/**
 * The validator set after H. pocket-core writes it in address order (its store key is prefix ‖
 * address: x/nodes/keeper/valPrevState.go:37-50, x/nodes/types/keys.go:69-71); the ledger's set
 * is in power order (nodes/validator-set.ts), so it is put in that order. Refused, as pocket-core's
 * chain could not start from them: an address twice or a power of 0 (InitGenesis hands each entry
 * to Tendermint, x/nodes/genesis.go:79-90, whose first set refuses a duplicate and a zero power:
 * fork 59310158d3e9 types/validator_set.go:62-67,407-409,420-421,625-627), and an address
 * that is no validator (InitGenesis skips it for Tendermint but stores its power; the ledger would
 * seat it in the set).
 */
function readPowers(r: JsonReader, node: unknown, validators: ReadonlySet<Address>): ExportedState['validatorPowers'] {
  const path = '$.app_state.pos.prevState_validator_powers';
  if (node === undefined || node === null) return null;
  const list = r.array(node, path) ?? [];
  const powers: Array<{ address: Address; power: bigint }> = [];
  const seen = new Set<Address>();
  list.forEach((entry, i) => {
    const e = r.object(entry, `${path}[${i}]`);
    if (e === undefined) return;
    const address = r.address(r.field(e, 'Address', `${path}[${i}]`), `${path}[${i}].Address`);
    const power = int64(r, r.field(e, 'Power', `${path}[${i}]`), `${path}[${i}].Power`);
    if (address !== undefined && seen.has(address)) return void r.fail(`${path}[${i}].Address`, `${address} is listed twice`);
    if (address !== undefined && !validators.has(address)) return void r.fail(`${path}[${i}].Address`, `${address} is no validator`);
    if (power === 0) return void r.fail(`${path}[${i}].Power`, 'a set member needs a positive power');
    if (address === undefined || power === undefined) return;
    seen.add(address);
    powers.push({ address, power: BigInt(power) });
  });
  return powers.sort(compareByPowerThenAddress);
}

function readClaims(r: JsonReader, node: unknown, height: number, extensionNode: unknown): ClaimRecord[] {
  const path = '$.app_state.pocketcore.claims';
  if (node === undefined || node === null) return [];
  const submitted = ((extensionNode as { claim_submitted_heights?: Record<string, unknown> } | undefined)?.claim_submitted_heights ?? {}) as Record<string, unknown>;
  const claims: ClaimRecord[] = [];
  (r.array(node, path) ?? []).forEach((entry, i) => {
    const at = `${path}[${i}]`;
    const c = r.object(entry, at);
    if (c === undefined) return;
    const header = r.object(r.field(c, 'header', at), `${at}.header`);
    const root = r.object(r.field(c, 'merkle_root', at), `${at}.merkle_root`);
    const range = root === undefined ? undefined : r.object(r.field(root, 'range', `${at}.merkle_root`), `${at}.merkle_root.range`);
    const appPublicKey = header === undefined ? undefined : r.publicKey(r.field(header, 'app_public_key', `${at}.header`), `${at}.header.app_public_key`);
    const chain = header === undefined ? undefined : r.string(r.field(header, 'chain', `${at}.header`), `${at}.header.chain`);
    const sessionHeight = header === undefined ? undefined : int64(r, r.field(header, 'session_height', `${at}.header`), `${at}.header.session_height`);
    const hashText = root === undefined ? undefined : r.string(r.field(root, 'merkleHash', `${at}.merkle_root`), `${at}.merkle_root.merkleHash`);
    const hash = hashText === undefined ? undefined : Buffer.from(hashText, 'base64');
    if (hash !== undefined && hash.length !== 32) r.fail(`${at}.merkle_root.merkleHash`, `expected 32 bytes in base64, got ${hash.length}`);
    const lower = range === undefined ? undefined : r.amount(r.field(range, 'lower', `${at}.merkle_root.range`), `${at}.merkle_root.range.lower`);
    const upper = range === undefined ? undefined : r.amount(r.field(range, 'upper', `${at}.merkle_root.range`), `${at}.merkle_root.range.upper`);
    const totalProofs = r.amount(r.field(c, 'total_proofs', at), `${at}.total_proofs`);
    const servicer = r.address(r.field(c, 'from_address', at), `${at}.from_address`);
    const evidenceType = int64(r, r.field(c, 'evidence_type', at), `${at}.evidence_type`);
    if (evidenceType !== undefined && evidenceType !== 1 && evidenceType !== 2) r.fail(`${at}.evidence_type`, `unknown evidence type ${evidenceType}`);
    const expirationHeight = int64(r, r.field(c, 'expiration_height', at), `${at}.expiration_height`);
    checkClaimBasics(r, at, { chain, sessionHeight, lower, upper, totalProofs });
    if (appPublicKey === undefined || chain === undefined || sessionHeight === undefined || hash === undefined || hash.length !== 32) return;
    if (lower === undefined || upper === undefined || totalProofs === undefined || servicer === undefined || expirationHeight === undefined) return;
    if (evidenceType !== 1 && evidenceType !== 2) return;
    const sessionHeader = { appPublicKey, chain, sessionHeight };
    const headerHash = sessionHeaderHash(sessionHeader);
    const key = claimKey(servicer, headerHash, evidenceType);
    const at2 = submitted[key];
    claims.push({
      servicer,
      header: sessionHeader,
      headerHash,
      merkleRoot: { hashHex: hash.toString('hex'), lower, upper },
      totalProofs,
      evidenceType,
      // pocket-core does not record it: the export's height is the latest it can have been.
      submittedHeight: at2 === undefined ? height : (int64(r, at2, `$.pokt_ledger.claim_submitted_heights.${key}`) ?? height),
      expirationHeight,
    });
  });
  return claims;
}

/**
 * MsgClaim.ValidateBasic, which pocket-core's pocketcore ValidateGenesis runs on every claim
 * (x/pocketcore/types/genesis.go:17-21, msgs.go:30-69). Its last rule, expiration_height = 0, is
 * not applied: every stored claim carries its expiration height, so pocket-core refuses every
 * export with an open claim (validate-genesis.ts).
 */
function checkClaimBasics(r: JsonReader, at: string, c: { chain: string | undefined; sessionHeight: number | undefined; lower: bigint | undefined; upper: bigint | undefined; totalProofs: bigint | undefined }): void {
  if (c.chain === '') r.fail(`${at}.header.chain`, 'empty chain');
  if (c.sessionHeight !== undefined && c.sessionHeight < 1) r.fail(`${at}.header.session_height`, 'must be at least 1');
  if (c.totalProofs !== undefined && c.totalProofs < 5n) r.fail(`${at}.total_proofs`, 'must be at least 5 (the tree needs 5 relays)');
  if (c.lower !== undefined && c.lower !== 0n) r.fail(`${at}.merkle_root.range`, 'the root range must start at lower 0');
  if (c.upper !== undefined && (c.upper === 0n || (c.lower !== undefined && c.lower >= c.upper))) r.fail(`${at}.merkle_root.range`, 'the root range needs upper above lower');
}

function readExtension(r: JsonReader, node: unknown): LedgerExtension | null | undefined {
  const path = '$.pokt_ledger';
  if (node === undefined || node === null) return null;
  const ext = r.object(node, path);
  if (ext === undefined) return undefined;
  if (ext['format'] !== EXPORT_EXTENSION_FORMAT || String(ext['version']) !== '1') return r.fail(path, `not a ${EXPORT_EXTENSION_FORMAT} version 1 section`);
  const stateRoot = r.string(r.field(ext, 'state_root', path), `${path}.state_root`);
  const lastBlock = r.amount(r.field(ext, 'last_block_time', path), `${path}.last_block_time`);
  const blockHash = ext['block_hash'] === null ? null : r.string(ext['block_hash'], `${path}.block_hash`);
  const tables = readExtensionTables(r, r.field(ext, 'tables', path), `${path}.tables`);
  const versions = readExtensionVersions(r, r.field(ext, 'versions', path), `${path}.versions`);
  const acl = readExtensionAcl(r, ext['acl'], `${path}.acl`);
  if (stateRoot === undefined || lastBlock === undefined || blockHash === undefined || tables === undefined || versions === undefined || acl === undefined) return undefined;
  return { blockHash, lastBlockTimeNs: lastBlock, stateRoot, tables, versions, acl };
}

/** `acl` (optional): the whole ACL as `gov.params.acl` would hold it (pocket-core-acl.ts); every key a parameter. */
function readExtensionAcl(r: JsonReader, node: unknown, path: string): readonly AclEntry[] | null | undefined {
  if (node === undefined) return null;
  const parsed = parseParamValue('acl', node);
  if (!parsed.ok) return r.fail(path, parsed.error);
  const acl = parsed.value as readonly AclEntry[];
  acl.forEach((entry, index) => {
    if (!PARAM_SPECS_BY_KEY.has(entry.key)) r.fail(`${path}[${index}].acl_key`, `${entry.key} is not a recognized parameter`);
  });
  return acl;
}

/**
 * A list of exactly `length` items ([key, encoded], [height, encoded]…), or a problem at `path`.
 * The section is the ledger's own, but a file is hostile input: a wrong shape is a problem with
 * its path, never a TypeError (the entries' contents are checked by each table's decoder at
 * import, import-exported.ts, and by the state root).
 */
function tuple(r: JsonReader, node: unknown, length: number, path: string): unknown[] | undefined {
  const list = r.array(node, path);
  if (list !== undefined && list.length !== length) return r.fail(path, `expected a list of ${length} items, got ${list.length}`);
  return list;
}

/** `tables`: {table: [[key, encoded], …]}. */
function readExtensionTables(r: JsonReader, node: unknown, path: string): LedgerExtension['tables'] | undefined {
  const object = r.object(node, path);
  if (object === undefined) return undefined;
  const tables = new Map<string, Array<readonly [string, string]>>();
  for (const [name, entries] of Object.entries(object)) {
    const at = `${path}.${name}`;
    const list = (r.array(entries, at) ?? []).map((entry, i) => {
      const pair = tuple(r, entry, 2, `${at}[${i}]`);
      const key = pair === undefined ? undefined : r.string(pair[0], `${at}[${i}][0]`);
      const encoded = pair === undefined ? undefined : r.string(pair[1], `${at}[${i}][1]`);
      return key === undefined || encoded === undefined ? undefined : ([key, encoded] as const);
    });
    tables.set(name, list.filter((entry) => entry !== undefined));
  }
  return tables;
}

/** `versions`: {table: [[key, [[height, encoded or null], …]], …]}. */
function readExtensionVersions(r: JsonReader, node: unknown, path: string): LedgerExtension['versions'] | undefined {
  const object = r.object(node, path);
  if (object === undefined) return undefined;
  const versions = new Map<string, Array<readonly [string, ReadonlyArray<readonly [number, string | null]>]>>();
  for (const [name, keys] of Object.entries(object)) {
    const at = `${path}.${name}`;
    const list = (r.array(keys, at) ?? []).map((entry, i) => {
      const pair = tuple(r, entry, 2, `${at}[${i}]`);
      const key = pair === undefined ? undefined : r.string(pair[0], `${at}[${i}][0]`);
      const heights = pair === undefined ? undefined : readKeyVersions(r, pair[1], `${at}[${i}][1]`);
      return key === undefined || heights === undefined ? undefined : ([key, heights] as const);
    });
    versions.set(name, list.filter((entry) => entry !== undefined));
  }
  return versions;
}

/** No version above the exported height H: the chain continues at H + 1 and appends its own after them. */
function checkVersionsWithin(r: JsonReader, extension: LedgerExtension, height: number): void {
  for (const [name, keys] of extension.versions) {
    keys.forEach(([, list], i) =>
      list.forEach(([at], j) => {
        if (at > height) r.fail(`$.pokt_ledger.versions.${name}[${i}][1][${j}][0]`, `a version at ${at}, above the exported height ${height}`);
      }),
    );
  }
}

function readKeyVersions(r: JsonReader, node: unknown, path: string): Array<readonly [number, string | null]> | undefined {
  const list = r.array(node, path);
  if (list === undefined) return undefined;
  const versions: Array<readonly [number, string | null]> = [];
  list.forEach((entry, i) => {
    const pair = tuple(r, entry, 2, `${path}[${i}]`);
    let height = pair === undefined ? undefined : int64(r, pair[0], `${path}[${i}][0]`);
    // Ascending, as a table keeps them (state/table.ts): a read binary-searches them.
    const previous = versions.at(-1)?.[0];
    if (height !== undefined && previous !== undefined && height <= previous) height = r.fail(`${path}[${i}][0]`, `heights must ascend: ${height} after ${previous}`);
    const encoded = pair === undefined || pair[1] === null ? null : r.string(pair[1], `${path}[${i}][1]`);
    if (height !== undefined && encoded !== undefined) versions.push([height, encoded]);
  });
  return versions;
}
