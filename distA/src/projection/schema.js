/**
 * The projection schema: the SQL migration files in src/projection/migrations, applied in
 * name order to a new database. The schema version is the SHA-256 of their names and text, so
 * adding or editing a migration changes it; a database of another version is rebuilt from
 * genesis (every table is derived from the block log, so rebuilding loses nothing).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/paths.js';
import { bytesToHex } from '../core/hex.js';
import { sha256 } from '../crypto/hash.js';
export function migrationsDir() {
    return join(packageRoot(), 'src', 'projection', 'migrations');
}
export function loadMigrations(dir = migrationsDir()) {
    return readdirSync(dir)
        .filter((name) => name.endsWith('.sql'))
        .sort()
        .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}
export function schemaVersion(migrations) {
    const text = migrations.map((m) => `${m.name}\n${m.sql}`).join('\n\u0000\n');
    return bytesToHex(sha256(text)).slice(0, 16);
}
//# sourceMappingURL=schema.js.map