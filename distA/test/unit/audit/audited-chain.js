/**
 * A data-dir chain from signingChain's genesis (test/helpers/signing-chain.ts: validator `a`,
 * scripted voter `d`, OWNER owning the DAO and every ACL key), driven block by block through a
 * ChainWriter by `script`, then projected and audited; the audit's summary.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAudit } from '../../../src/audit/index.js';
import { project } from '../../../src/projection/run.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { BLOCK_INTERVAL_NS } from '../../helpers/chain.js';
import { signingGenesisJson } from '../../helpers/signing-chain.js';
import { scratch } from '../../helpers/sim.js';
export async function auditedChain(name, keys, pos, script) {
    const work = scratch(name);
    try {
        const genesisFile = join(work.dir, 'genesis.json');
        writeFileSync(genesisFile, signingGenesisJson(keys.a, keys.d, pos));
        const dir = join(work.dir, 'chain');
        initDataDir(dir, genesisFile);
        const writer = await ChainWriter.open(dir, { fsync: 'never', onWarning: () => undefined });
        const chain = {
            get state() {
                return writer.state;
            },
            produce: (txs, plan) => writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs, ...plan }).result,
        };
        script(chain);
        writer.close();
        await project(dir);
        return await runAudit({ dataDir: dir, catchUp: false });
    }
    finally {
        work.remove();
    }
}
//# sourceMappingURL=audited-chain.js.map