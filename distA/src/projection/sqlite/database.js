/**
 * The SQLite projection's database file: where it lives and how it is opened (migrations,
 * rebuild on a schema change; the connection's pragmas and the checkpoint: ./connection.ts). Shared by the
 * synchronous store (../store.ts, the live node) and the catch-up writer thread
 * (./writer-thread.ts), so both open the same file the same way.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadMigrations, schemaVersion } from '../schema.js';
import { connect } from './connection.js';
export { readCheckpoint } from './connection.js';
export function projectionsDir(dataDir) {
    return join(dataDir, 'projections');
}
export function projectionFile(dataDir) {
    return join(projectionsDir(dataDir), 'ledger.sqlite');
}
/** The projection of `dataDir`, created or migrated (rebuilt when asked or when its schema is another). */
export function openProjectionDatabase(dataDir, options = {}) {
    const file = projectionFile(dataDir);
    mkdirSync(projectionsDir(dataDir), { recursive: true });
    const migrations = loadMigrations();
    const version = schemaVersion(migrations);
    if (options.rebuild === true)
        removeDatabase(file);
    else if (existsSync(file)) {
        const stored = storedSchemaVersion(file);
        if (stored !== version) {
            options.onNotice?.(`projection schema version ${stored ?? '(none)'} ≠ this build's ${version}: rebuilding ${file} from genesis`);
            removeDatabase(file);
        }
    }
    const db = connect(file);
    migrate(db, migrations, version);
    return db;
}
function migrate(db, migrations, version) {
    db.exec('CREATE TABLE IF NOT EXISTS projection_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)');
    const applied = new Set(db.prepare('SELECT name FROM schema_migrations').all().map((row) => row.name));
    db.transaction(() => {
        for (const migration of migrations) {
            if (applied.has(migration.name))
                continue;
            db.exec(migration.sql);
            db.prepare('INSERT INTO schema_migrations (name) VALUES (?)').run(migration.name);
        }
        db.prepare("INSERT OR REPLACE INTO projection_meta (key, value) VALUES ('schema_version', ?)").run(version);
    })();
}
function storedSchemaVersion(file) {
    const db = new Database(file, { readonly: true });
    try {
        const row = db.prepare("SELECT value FROM projection_meta WHERE key = 'schema_version'").get();
        return row?.value;
    }
    catch {
        return undefined;
    }
    finally {
        db.close();
    }
}
function removeDatabase(file) {
    for (const suffix of ['', '-wal', '-shm'])
        rmSync(file + suffix, { force: true });
}
//# sourceMappingURL=database.js.map