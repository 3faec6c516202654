/**
 * `npm run canonical`: regenerates the committed canonical history, events/canonical/ — a small
 * seeded chain (the simulator's dev profile, every workload: sends, staking, relays with 8
 * servicers, faults, governance; CANONICAL settings below) and its roots file (roots.json: height, block hash, state
 * root of every block). test/unit/canonical/ replays it and must reproduce roots.json.
 *
 * Run it ONLY when a change of semantics (a rule, a parameter's effect, the state root's
 * definition) or of encoding (txs, blocks, records, the augmented genesis) is deliberate, and say
 * in the commit message why the roots changed. Written to a temp directory and swapped in whole.
 */
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
import { readStoredRoots } from '../../src/cli/commands/chain.js';
import { simulate } from '../../src/sim/simulator.js';
import { WORKLOADS } from '../../src/sim/workloads/index.js';
import { createRelaysWorkload } from '../../src/sim/workloads/relays.js';
import { testGenesisJson, testKey } from '../helpers/chain.js';
export const CANONICAL = {
    seed: 20261202n,
    blocks: 48,
    txsPerBlock: 2,
    workloads: ['sends', 'staking', 'relays', 'faults', 'governance'],
};
/** The built-in workloads, with fewer relay servicers (the history stays a few hundred KB). */
const REGISTRY = WORKLOADS.map((entry) => (entry.name === 'relays' ? { ...entry, create: () => createRelaysWorkload({ servicers: 8, apps: 2, maxRelaysPerClaim: 16 }) } : entry));
export function canonicalDir() {
    return join(packageRoot(), 'events', 'canonical');
}
/** The canonical chain's data directory (inside canonicalDir()). */
export function canonicalDataDir(root = canonicalDir()) {
    return join(root, 'chain');
}
export async function generateCanonical(root) {
    const scratch = mkdtempSync(join(tmpdir(), 'pokt-ledger-canonical-'));
    try {
        const genesisFile = join(scratch, 'source-genesis.json');
        writeFileSync(genesisFile, testGenesisJson({ accounts: [{ key: testKey('genesis-holder'), balanceUpokt: 5000000000n }] }));
        const built = join(scratch, 'out');
        await simulate({ dataDir: canonicalDataDir(built), genesisFile, seed: CANONICAL.seed, profile: 'dev', workloads: CANONICAL.workloads, blocks: CANONICAL.blocks, txsPerBlock: CANONICAL.txsPerBlock, fsync: 'never', workers: 0, registry: REGISTRY });
        const roots = readStoredRoots(canonicalDataDir(built));
        writeFileSync(join(built, 'roots.json'), JSON.stringify(roots, null, 1) + '\n');
        writeFileSync(join(built, 'README.md'), README);
        const old = `${root}.old-${process.pid}`;
        if (existsSync(root))
            renameSync(root, old);
        renameSync(built, root);
        rmSync(old, { recursive: true, force: true });
    }
    finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}
const README = `# events/canonical — the committed canonical history

A small seeded chain (\`chain/\`, an ordinary data directory: block log, genesis, simulation
manifest) and \`roots.json\` (height, block hash and state root of every block).
\`test/unit/canonical/\` replays it from genesis with every signature verified and must reproduce
\`roots.json\` exactly, so a change of semantics or encoding is always deliberate.

Made by \`npm run canonical\` (test/gen/canonical-history.ts: dev profile, every workload, seed
${CANONICAL.seed}, ${CANONICAL.blocks} blocks). Regenerate it only when such a change is intended, and
say in the commit message why the roots changed. Never edit these files by hand.
`;
if (process.argv[1]?.endsWith('canonical-history.js')) {
    await generateCanonical(canonicalDir());
    process.stdout.write(`wrote ${canonicalDir()}\n`);
}
//# sourceMappingURL=canonical-history.js.map