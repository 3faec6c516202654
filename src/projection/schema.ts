/**
 * The projection schema: the SQL migration files in src/projection/migrations, applied in
 * name order to a new database. The schema version is the SHA-256 of their names and text and
 * of PROJECTOR_RULES, so adding or editing a migration, or changing what a projector writes for
 * the same events, changes it; a database of another version is rebuilt from genesis (every
 * table is derived from the block log, so rebuilding loses nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/paths.js';
import { bytesToHex } from '../core/hex.js';
import { sha256 } from '../crypto/hash.js';

export interface Migration {
  readonly name: string;
  readonly sql: string;
}

export function migrationsDir(): string {
  return join(packageRoot(), 'src', 'projection', 'migrations');
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/**
 * Bumped when a projector writes other rows for the same events, so a database built by an
 * older build is rebuilt instead of answering with rows no replay would write now:
 *   2 (2026-12-07): FeatureParamsActivated's ACL reaches the gov/acl param rows (allparams,
 *     /v1/query/acl and the param history kept the ACL without the keys a hook appends).
 *   3 (2026-12-08): accounts holds every account from its first balance row on (genesis keys
 *     only before; projectors/balances.ts), with migration 011 (PostgreSQL: 012).
 */
export const PROJECTOR_RULES = 3;

export function schemaVersion(migrations: readonly Migration[]): string {
  const text = [...migrations.map((m) => `${m.name}\n${m.sql}`), `projector rules ${PROJECTOR_RULES}`].join('\n\u0000\n');
  return bytesToHex(sha256(text)).slice(0, 16);
}
