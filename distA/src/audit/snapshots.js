/**
 * Snapshot values, read raw (gunzip + JSON lines, src/snapshot's documented format) without
 * loading them into a ledger state: the audit compares each account balance, the total supply
 * and each validator's signing info a snapshot holds with the audited values at its height, so
 * a changed value is named (account and height), not just "root mismatch".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
/** A pos/signing_info value: [address, start_height, index_offset, jailed_until_ns (text or null), missed, jailed_blocks]. */
function signingInfoOf(value) {
    const [, startHeight, index, jailedUntil, missed, jailedBlocks] = JSON.parse(value);
    return { startHeight, index, jailedUntilNs: jailedUntil === null ? null : BigInt(jailedUntil), missed, jailedBlocks };
}
/** Height → snapshot file, for every `<height>-<root>.snap` under <data>/snapshots. */
export function snapshotFiles(dataDir) {
    const dir = join(dataDir, 'snapshots');
    const out = new Map();
    if (!existsSync(dir))
        return out;
    for (const name of readdirSync(dir)) {
        const match = /^(\d{12})-[0-9a-f]{64}\.snap$/.exec(name);
        if (match !== null)
            out.set(Number(match[1]), join(dir, name));
    }
    return out;
}
export function readSnapshotValues(file, height) {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const balances = new Map();
    const signingInfos = new Map();
    let total = null;
    for (const line of lines) {
        if (!line.startsWith('["e",'))
            continue;
        const [, table, key, value] = JSON.parse(line);
        if (table === 'auth/accounts')
            balances.set(key, BigInt(value.split(':')[0]));
        else if (table === 'auth/supply')
            total = BigInt(value);
        else if (table === 'pos/signing_info')
            signingInfos.set(key, signingInfoOf(value));
    }
    return { file, height, balances, total, signingInfos };
}
//# sourceMappingURL=snapshots.js.map