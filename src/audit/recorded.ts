/**
 * What the ledger recorded, read from its SQLite projection (the read side): reward_lines,
 * rap_sheet, supply, txs (outcomes and charged fees), balances, and node/app deletions.
 * Read-only; the audit compares these rows with its own recomputation.
 */
import type Database from 'better-sqlite3';
import { openProjectionReadOnly } from '../projection/sqlite/read-only.js';
import { existsSync } from 'node:fs';
import { integerOf, integerOrNull } from '../projection/amounts.js';
import { projectionFile } from '../projection/store.js';
import { AuditInputError } from './independent/inputs.js';

export interface RecordedLine {
  readonly eventIndex: number;
  readonly lineIndex: number;
  readonly kind: string;
  readonly role: string;
  readonly address: string | null;
  readonly amount: bigint;
  readonly servicer: string | null;
  readonly relays: bigint | null;
  readonly multiplier: bigint | null;
  readonly multiplierSource: string | null;
  readonly stake: bigint | null;
  readonly flooredStake: bigint | null;
  readonly bin: bigint | null;
  readonly weight: string | null;
  readonly minted: bigint | null;
}

export interface RecordedRap {
  readonly eventIndex: number;
  readonly address: string;
  readonly kind: string;
  readonly reason: string | null;
  readonly amount: bigint | null;
}

export interface RecordedSupply {
  readonly total: bigint;
  readonly node: bigint;
  readonly app: bigint;
  readonly dao: bigint;
  readonly fee: bigint;
  readonly minted: bigint;
  readonly burned: bigint;
}

export interface RecordedTx {
  readonly index: number;
  readonly hash: string;
  readonly code: number;
  readonly codespace: string;
  readonly feeCharged: bigint;
}

type Row = Record<string, unknown>;
const big = (v: unknown): bigint | null => (v === null || v === undefined ? null : BigInt(v as bigint));
const num = (v: unknown): number => Number(v);

export class RecordedLedger {
  private readonly db: Database.Database;
  private readonly statements;
  readonly checkpoint: number;

  constructor(dataDir: string) {
    const file = projectionFile(dataDir);
    if (!existsSync(file)) throw new AuditInputError('no_projection', `no projection at ${file}: run \`pokt-ledger project\` or audit with the catch-up`);
    // Read-only, also on a read-only medium (projection/sqlite/read-only.ts).
    this.db = openProjectionReadOnly(file);
    this.db.defaultSafeIntegers(true);
    const q = (sql: string) => this.db.prepare(sql);
    this.statements = {
      lines: q('SELECT * FROM reward_lines WHERE height = ? ORDER BY event_index, line_index'),
      rap: q('SELECT * FROM rap_sheet WHERE height = ? ORDER BY event_index'),
      supply: q('SELECT * FROM supply WHERE height = ?'),
      txs: q('SELECT tx_index, hash, code, codespace, fee_charged_upokt FROM txs WHERE height = ? ORDER BY tx_index'),
      nodeDeletions: q('SELECT address, height FROM nodes WHERE deleted = 1'),
      appDeletions: q('SELECT address, height FROM apps WHERE deleted = 1'),
      balances: q('SELECT address, height, balance_upokt AS amount, 0 AS deleted FROM balances ORDER BY height, address'),
      nodeStakes: q('SELECT address, height, tokens_upokt AS amount, deleted FROM nodes ORDER BY height, address'),
      appStakes: q('SELECT address, height, staked_upokt AS amount, deleted FROM apps ORDER BY height, address'),
      signingInfos: q('SELECT * FROM signing_infos ORDER BY height, address'),
    };
    const checkpoint = q('SELECT height FROM projection_checkpoint WHERE id = 1').get() as Row | undefined;
    this.checkpoint = checkpoint === undefined ? -1 : num(checkpoint['height']);
  }

  private readonly cursors: Array<{ close(): void }> = [];

  /** Ends the version cursors first: an unfinished iterator keeps the connection busy (an audit with --to below the end). */
  close(): void {
    for (const cursor of this.cursors) cursor.close();
    this.db.close();
  }

  lines(height: number): RecordedLine[] {
    return (this.statements.lines.all(height) as Row[]).map((r) => ({
      eventIndex: num(r['event_index']),
      lineIndex: num(r['line_index']),
      kind: String(r['kind']),
      role: String(r['role']),
      address: (r['address'] as string | null) ?? null,
      amount: integerOf(r['amount_upokt']),
      servicer: (r['servicer'] as string | null) ?? null,
      relays: big(r['relays']),
      multiplier: integerOrNull(r['multiplier_upokt_per_relay']),
      multiplierSource: (r['multiplier_source'] as string | null) ?? null,
      stake: integerOrNull(r['stake_upokt']),
      flooredStake: integerOrNull(r['floored_stake_upokt']),
      bin: big(r['stake_bin']),
      weight: (r['weight'] as string | null) ?? null,
      minted: integerOrNull(r['minted_upokt']),
    }));
  }

  rapSheet(height: number): RecordedRap[] {
    return (this.statements.rap.all(height) as Row[]).map((r) => ({
      eventIndex: num(r['event_index']),
      address: String(r['address']),
      kind: String(r['kind']),
      reason: (r['reason'] as string | null) ?? null,
      amount: integerOrNull(r['amount_upokt']),
    }));
  }

  supply(height: number): RecordedSupply | undefined {
    const r = this.statements.supply.get(height) as Row | undefined;
    if (r === undefined) return undefined;
    return {
      total: integerOf(r['total_upokt']),
      node: integerOf(r['node_staked_upokt']),
      app: integerOf(r['app_staked_upokt']),
      dao: integerOf(r['dao_upokt']),
      fee: integerOf(r['fee_collector_upokt']),
      minted: integerOf(r['minted_upokt']),
      burned: integerOf(r['burned_upokt']),
    };
  }

  txs(height: number): RecordedTx[] {
    return (this.statements.txs.all(height) as Row[]).map((r) => ({
      index: num(r['tx_index']),
      hash: String(r['hash']),
      code: num(r['code']),
      codespace: String(r['codespace']),
      feeCharged: integerOf(r['fee_charged_upokt']),
    }));
  }

  /** Height → addresses whose node (or app) record was deleted at that height (matured unstakes). */
  deletions(which: 'nodes' | 'apps'): Map<number, string[]> {
    const out = new Map<number, string[]>();
    for (const r of (which === 'nodes' ? this.statements.nodeDeletions : this.statements.appDeletions).iterate() as IterableIterator<Row>) {
      const height = num(r['height']);
      out.set(height, [...(out.get(height) ?? []), String(r['address'])]);
    }
    return out;
  }

  /** Version rows in height order: balances, node tokens or app stakes. */
  versionRows(which: 'balances' | 'nodeStakes' | 'appStakes'): VersionCursor {
    return this.cursor(this.statements[which].iterate() as IterableIterator<StoredVersionRow>, (row) => (typeof row.amount === 'bigint' ? (row as VersionRow) : { ...row, amount: integerOf(row.amount) }));
  }

  /** The signing_infos rows in height order (stepped rows: projectors/signing-infos.ts). */
  signingRows(): HeightCursor<Row & { readonly height: bigint }, RecordedSigningRow> {
    return this.cursor(this.statements.signingInfos.iterate() as IterableIterator<Row & { readonly height: bigint }>, signingRowOf);
  }

  private cursor<S extends { readonly height: bigint }, R>(rows: IterableIterator<S>, of: (row: S) => R): HeightCursor<S, R> {
    const cursor = new HeightCursor(rows, of);
    this.cursors.push(cursor);
    return cursor;
  }
}

export interface VersionRow {
  readonly address: string;
  readonly height: bigint;
  readonly amount: bigint;
  readonly deleted: bigint;
}

/** A version row as stored: the amount an INTEGER or, beyond int64, decimal text (projection/amounts.ts). */
type StoredVersionRow = Omit<VersionRow, 'amount'> & { readonly amount: bigint | string };

/** A signing_infos row: the record at `height`, and how its two stepped counters move after it. */
export interface RecordedSigningRow {
  readonly address: string;
  readonly height: number;
  readonly deleted: boolean;
  readonly startHeight: number;
  readonly index: number;
  readonly jailedUntilNs: bigint | null;
  readonly missed: number;
  readonly jailedBlocks: number;
  readonly indexStep: number;
  readonly jailedBlocksStep: number;
}

function signingRowOf(r: Row): RecordedSigningRow {
  return {
    address: String(r['address']),
    height: num(r['height']),
    deleted: num(r['deleted']) === 1,
    startHeight: num(r['start_height']),
    index: num(r['index_offset']),
    jailedUntilNs: integerOrNull(r['jailed_until_ns']),
    missed: num(r['missed_blocks_counter']),
    jailedBlocks: num(r['jailed_blocks_counter']),
    indexStep: num(r['index_offset_step']),
    jailedBlocksStep: num(r['jailed_blocks_step']),
  };
}

/** Walks rows ordered by height one height at a time, each turned into `R` by `of`. */
export class HeightCursor<S extends { readonly height: bigint }, R> {
  private next: S | undefined;

  constructor(private readonly rows: IterableIterator<S>, private readonly of: (row: S) => R) {}

  close(): void {
    this.rows.return?.();
  }

  /** The rows of every height ≤ h not taken yet. */
  *upTo(h: number): Generator<R> {
    for (;;) {
      if (this.next === undefined) {
        const step = this.rows.next();
        if (step.done === true) return;
        this.next = step.value;
      }
      if (Number(this.next.height) > h) return;
      const row = this.next;
      this.next = undefined;
      yield this.of(row);
    }
  }
}

/** Balances, node tokens or app stakes in height order, amounts as bigint. */
export type VersionCursor = HeightCursor<StoredVersionRow, VersionRow>;
