/**
 * Reads of the projection "as of" a height, in the reducer's own answer shapes (the
 * modules/*\/queries.ts functions), so the query service can serve any height without replaying
 * and the equivalence test can hold SQLite and the reducer side by side.
 */
import type Database from 'better-sqlite3';
import type { Address } from '../core/types.js';
import type { AppJson, AppsQueryOptions } from '../modules/apps/index.js';
import type { SupplyJson } from '../modules/auth/index.js';
import { isListedParam, unlistedFeatures, type FeatureSet } from '../modules/gov/index.js';
import type { AllParams } from '../modules/gov/index.js';
import type { SigningInfo } from '../modules/slashing/index.js';
import type { ValidatorSetEntry } from '../modules/nodes/index.js';
import { paginate, RPC_DEFAULT_PER_PAGE, type NodeJson, type NodesQueryOptions, type Page } from '../modules/nodes/index.js';
import { claimAnswer, type ClaimAnswer } from '../modules/pocketcore/index.js';
import type { ClaimRecord } from '../modules/pocketcore/index.js';
import { formatOptionalTime } from '../core/time.js';
import { parseParamValue, type Upgrade } from '../params/kinds.js';
import { PARAM_SPECS_BY_KEY, type Subspace } from '../params/registry.js';
import type { ClaimKey } from './read-store.js';
import { SIGNING_INFO_AS_OF_COLUMNS } from './projectors/signing-infos.js';
import { asOfSql } from './version-rows.js';
import { integerOf, integerOrNull, integerText } from './amounts.js';
import type { KeyChange } from './as-of-lists.js';
import type { CheckpointSeen } from './checkpoint-watch.js';

type Row = Record<string, unknown>;
const num = (value: unknown): number => Number(value as bigint);

interface NodeRow extends Row {
  address: string;
  public_key: string;
  jailed: bigint;
  status: bigint;
  chains_json: string;
  service_url: string;
  /** bigint, or decimal text beyond int64 (amounts.ts). */
  tokens_upokt: bigint | string;
  /** bigint or null, or decimal text beyond int64 (amounts.ts: block time + an UnstakingTime near 2^63 ns). */
  unstaking_time_ns: bigint | string | null;
  output_address: string | null;
  reward_delegators_json: string | null;
}

export function nodeJsonOf(row: NodeRow): NodeJson {
  return {
    address: row.address,
    public_key: row.public_key,
    jailed: row.jailed === 1n,
    status: num(row.status),
    chains: JSON.parse(row.chains_json) as string[],
    service_url: row.service_url,
    tokens: integerText(row.tokens_upokt),
    unstaking_time: formatOptionalTime(integerOrNull(row.unstaking_time_ns)),
    output_address: row.output_address ?? '',
    reward_delegators: row.reward_delegators_json === null ? null : (JSON.parse(row.reward_delegators_json) as Record<string, number>),
  };
}

interface AppRow extends Row {
  address: string;
  public_key: string;
  jailed: bigint;
  status: bigint;
  chains_json: string;
  staked_upokt: bigint | string;
  /** sdk.BigInt: bigint, or decimal text beyond int64 (amounts.ts). */
  max_relays: bigint | string;
  unstaking_time_ns: bigint | string | null;
}

export function appJsonOf(row: AppRow): AppJson {
  return {
    address: row.address,
    public_key: row.public_key,
    jailed: row.jailed === 1n,
    chains: JSON.parse(row.chains_json) as string[],
    max_relays: integerText(row.max_relays),
    status: num(row.status),
    staked_tokens: integerText(row.staked_upokt),
    unstaking_time: formatOptionalTime(integerOrNull(row.unstaking_time_ns)),
  };
}

const GROUP: Record<Subspace, keyof AllParams> = { application: 'app_params', pos: 'node_params', pocketcore: 'pocket_params', gov: 'gov_params', auth: 'auth_params' };

/** Read-only queries over a projection database (prepared once). */
export class ProjectionQueries {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      node: db.prepare(`${asOfSql('nodes', 'address', '*')} AND t.address = @address`),
      nodes: db.prepare(`${asOfSql('nodes', 'address', '*')} ORDER BY t.address`),
      app: db.prepare(`${asOfSql('apps', 'address', '*')} AND t.address = @address`),
      apps: db.prepare(`${asOfSql('apps', 'address', '*')} ORDER BY t.address`),
      // The version rows of (@from, @to], oldest first (the <table>_by_height index, migration 007).
      nodeChanges: db.prepare('SELECT * FROM nodes WHERE height > @from AND height <= @to ORDER BY height'),
      appChanges: db.prepare('SELECT * FROM apps WHERE height > @from AND height <= @to ORDER BY height'),
      signingInfo: db.prepare(`${asOfSql('signing_infos', 'address', SIGNING_INFO_AS_OF_COLUMNS)} AND t.address = @address`),
      signingInfos: db.prepare(`${asOfSql('signing_infos', 'address', SIGNING_INFO_AS_OF_COLUMNS)} ORDER BY t.address`),
      balance: db.prepare('SELECT balance_upokt FROM balances WHERE address = @address AND height <= @height ORDER BY height DESC LIMIT 1'),
      supply: db.prepare('SELECT * FROM supply WHERE height = @height'),
      param: db.prepare('SELECT param_value FROM params WHERE param_key = @key AND height <= @height ORDER BY height DESC LIMIT 1'),
      params: db.prepare('SELECT p.param_key, p.param_value, p.stored FROM params p WHERE p.height = (SELECT max(height) FROM params WHERE param_key = p.param_key AND height <= @height) ORDER BY p.param_key'),
      claims: db.prepare(
        `SELECT claim_json FROM claims WHERE submitted_height <= @height AND (settled_height IS NULL OR settled_height > @height) AND (@servicer IS NULL OR servicer = @servicer) ORDER BY claim_key`,
      ),
      claim: db.prepare(
        `SELECT claim_json FROM claims WHERE servicer = @servicer AND app_public_key = @app AND chain = @chain AND session_height = @session AND evidence_type = @evidence
          AND submitted_height <= @height AND (settled_height IS NULL OR settled_height > @height) ORDER BY submitted_height DESC LIMIT 1`,
      ),
      validatorSet: db.prepare('SELECT members_json FROM validator_sets WHERE height <= @height ORDER BY height DESC LIMIT 1'),
      checkpoint: db.prepare('SELECT height, block_hash FROM projection_checkpoint WHERE id = 1'),
      // The supply has a row for every projected state, the first (genesis or imported) included.
      firstHeight: db.prepare('SELECT min(height) AS height FROM supply'),
      previousHash: db.prepare('SELECT previous_hash FROM blocks WHERE height = @height'),
    };
  }

  /** The projected height (undefined before genesis was projected). */
  height(): number | undefined {
    return this.checkpoint()?.height;
  }

  /** The projection checkpoint: its height and the hash of its block (undefined before genesis was projected). */
  checkpoint(): CheckpointSeen | undefined {
    const row = this.statements.checkpoint.get() as { height: bigint; block_hash: string } | undefined;
    return row === undefined ? undefined : { height: Number(row.height), blockHash: row.block_hash };
  }

  /** The height of the first projected state (ReadStore.firstHeight); undefined before genesis. */
  firstHeight(): number | undefined {
    const row = this.statements.firstHeight.get() as { height: bigint | number | null };
    return row.height === null ? undefined : Number(row.height);
  }

  /** The hash block `height` names as its previous block (undefined when that block is not projected). */
  previousHashOf(height: number): string | undefined {
    const row = this.statements.previousHash.get({ height }) as { previous_hash: string } | undefined;
    return row?.previous_hash;
  }

  node(address: string, height: number): NodeJson | undefined {
    const row = this.statements.node.get({ address: address.toLowerCase(), height }) as NodeRow | undefined;
    return row === undefined ? undefined : nodeJsonOf(row);
  }

  /** As modules/nodes/queries.ts queryNodes (filters, pocket-core's pagination). */
  nodes(height: number, options: NodesQueryOptions = {}): Page<NodeJson> {
    const selected = (this.statements.nodes.all({ height }) as NodeRow[]).map(nodeJsonOf).filter((node) => {
      if (options.jailedStatus === 1 && !node.jailed) return false;
      if (options.jailedStatus === 2 && node.jailed) return false;
      if (options.stakingStatus !== undefined && options.stakingStatus !== 0 && options.stakingStatus !== node.status) return false;
      return options.blockchain === undefined || options.blockchain === '' || node.chains.includes(options.blockchain.toUpperCase());
    });
    return paginate(selected, options.page || 1, options.perPage || RPC_DEFAULT_PER_PAGE, RPC_DEFAULT_PER_PAGE);
  }

  /** The node version rows written in (from, to], oldest first: a deletion is `value: undefined` (as-of-lists.ts). */
  nodeChanges(from: number, to: number): KeyChange<NodeJson>[] {
    return (this.statements.nodeChanges.all({ from, to }) as Array<NodeRow & { deleted: bigint }>).map((row) => ({ key: row.address, value: row.deleted === 1n ? undefined : nodeJsonOf(row) }));
  }

  /** As nodeChanges, for apps. */
  appChanges(from: number, to: number): KeyChange<AppJson>[] {
    return (this.statements.appChanges.all({ from, to }) as Array<AppRow & { deleted: bigint }>).map((row) => ({ key: row.address, value: row.deleted === 1n ? undefined : appJsonOf(row) }));
  }

  app(address: string, height: number): AppJson | undefined {
    const row = this.statements.app.get({ address: address.toLowerCase(), height }) as AppRow | undefined;
    return row === undefined ? undefined : appJsonOf(row);
  }

  apps(height: number, options: AppsQueryOptions = {}): Page<AppJson> {
    const selected = (this.statements.apps.all({ height }) as AppRow[]).map(appJsonOf).filter((app) => {
      if (options.stakingStatus !== undefined && options.stakingStatus !== 0 && options.stakingStatus !== app.status) return false;
      return options.blockchain === undefined || options.blockchain === '' || app.chains.includes(options.blockchain.toUpperCase());
    });
    return paginate(selected, options.page || 1, options.perPage || RPC_DEFAULT_PER_PAGE, RPC_DEFAULT_PER_PAGE);
  }

  balance(address: string, height: number): bigint {
    const row = this.statements.balance.get({ address: address.toLowerCase(), height }) as { balance_upokt: unknown } | undefined;
    return row === undefined ? 0n : integerOf(row.balance_upokt);
  }

  supply(height: number): SupplyJson | undefined {
    const row = this.statements.supply.get({ height }) as Row | undefined;
    return row === undefined ? undefined : supplyJsonOf(row);
  }

  signingInfo(address: string, height: number): SigningInfo | undefined {
    const row = this.statements.signingInfo.get({ address: address.toLowerCase(), height }) as Row | undefined;
    return row === undefined ? undefined : signingInfoOf(row);
  }

  /** Every signing info at `height`, by address. */
  signingInfos(height: number): SigningInfo[] {
    return (this.statements.signingInfos.all({ height }) as Row[]).map(signingInfoOf);
  }

  /** The live claim of (servicer, session header, evidence type) at `height` (pocket's GetClaim). */
  claim(key: ClaimKey, height: number): ClaimAnswer | undefined {
    const params = { servicer: key.servicer.toLowerCase(), app: key.appPublicKey.toLowerCase(), chain: key.chain, session: key.sessionHeight, evidence: key.evidenceType, height };
    const row = this.statements.claim.get(params) as { claim_json: string } | undefined;
    return row === undefined ? undefined : claimAnswer(claimRecordOf(row.claim_json));
  }

  /** The validator set after block `height` (members with their power, as the state holds it). */
  validatorSet(height: number): ValidatorSetEntry[] {
    const row = this.statements.validatorSet.get({ height }) as { members_json: string } | undefined;
    return row === undefined ? [] : validatorSetOf(row.members_json);
  }

  /** As modules/gov/queries.ts allParams: feature-gated keys left out while their feature is off. */
  allParams(height: number): AllParams {
    const before = this.statements.param.get({ key: 'gov/upgrade', height: height - 1 }) as { param_value: string } | undefined;
    return allParamsOf(this.statements.params.all({ height }) as ParamRow[], height, before?.param_value);
  }

  /** As modules/pocketcore/queries.ts nodeClaims: live claims at `height` (of one servicer or all), by key. */
  claims(height: number, servicer?: string): ClaimAnswer[] {
    const rows = this.statements.claims.all({ height, servicer: servicer?.toLowerCase() ?? null }) as Array<{ claim_json: string }>;
    return rows.map((row) => claimAnswer(claimRecordOf(row.claim_json)));
  }
}

/** Pocket's supply answer from a `supply` row (the DAO counts as staked). */
export function supplyJsonOf(row: Row): SupplyJson {
  const [node, app, dao, total] = [row.node_staked_upokt, row.app_staked_upokt, row.dao_upokt, row.total_upokt].map(integerOf) as [bigint, bigint, bigint, bigint];
  const staked = node + app + dao;
  return {
    node_staked: node.toString(),
    app_staked: app.toString(),
    dao: dao.toString(),
    total_staked: staked.toString(),
    total_unstaked: (total - staked).toString(),
    total: total.toString(),
  };
}

export interface ParamRow {
  readonly param_key: string;
  readonly param_value: string;
  /** 1 while pocket-core's store holds the key (migrations/010-param-stored.sql). */
  readonly stored: number;
}

/**
 * allparams from every parameter's row as of `height` (by key) and gov/upgrade's text as of
 * `height - 1` (undefined before the first projected state): a feature-gated key left out while
 * its feature is off and pocket-core's store does not hold it, as modules/gov/queries.ts
 * allParams decides it.
 */
export function allParamsOf(rows: readonly ParamRow[], height: number, upgradeBefore: string | undefined): AllParams {
  const upgrade = rows.find((row) => row.param_key === 'gov/upgrade');
  const after = upgrade === undefined ? undefined : upgradeOf(upgrade.param_value);
  const off: FeatureSet = after === undefined ? new Set() : unlistedFeatures(after, upgradeBefore === undefined ? after : upgradeOf(upgradeBefore), height);
  const result: AllParams = { app_params: [], node_params: [], pocket_params: [], gov_params: [], auth_params: [] };
  for (const row of rows) {
    const spec = PARAM_SPECS_BY_KEY.get(row.param_key);
    if (spec === undefined || !isListedParam(spec.key, off, () => Number(row.stored) === 1)) continue;
    result[GROUP[spec.subspace]].push({ param_key: row.param_key, param_value: row.param_value });
  }
  return result;
}

/** The validator set's members from a `validator_sets` row's JSON. */
export function validatorSetOf(membersJson: string): ValidatorSetEntry[] {
  return (JSON.parse(membersJson) as Array<{ address: Address; power: string }>).map((m) => ({ address: m.address, power: BigInt(m.power) }));
}

export function signingInfoOf(row: Row): SigningInfo {
  return {
    address: row.address as Address,
    startHeight: num(row.start_height),
    indexOffset: num(row.index_offset),
    jailedUntilNs: integerOrNull(row.jailed_until_ns),
    missedBlocksCounter: num(row.missed_blocks_counter),
    jailedBlocksCounter: num(row.jailed_blocks_counter),
  };
}

function upgradeOf(text: string): Upgrade {
  const parsed = parseParamValue('upgrade', (JSON.parse(text) as { value: unknown }).value);
  if (!parsed.ok) throw new Error(`gov/upgrade in the projection does not parse: ${parsed.error}`);
  return parsed.value as Upgrade;
}

export function claimRecordOf(json: string): ClaimRecord {
  const raw = JSON.parse(json) as ClaimRecord & { merkleRoot: { hashHex: string; lower: string; upper: string }; totalProofs: string };
  return { ...raw, merkleRoot: { hashHex: raw.merkleRoot.hashHex, lower: BigInt(raw.merkleRoot.lower), upper: BigInt(raw.merkleRoot.upper) }, totalProofs: BigInt(raw.totalProofs) };
}
