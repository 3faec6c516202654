/**
 * Goal: the committed canonical history (events/canonical/, made by `npm run canonical`) still
 * replays to the committed roots: same block hashes, same state roots at every height. A change
 * of semantics or encoding that moves any root fails here, so it can only land together with a
 * regenerated history and a commit message saying why.
 * Method: copy the chain to a temp dir (replay may rebuild derived files), replay it from
 * genesis with every signature verified, and compare every (height, block hash, state root) the
 * reducer computes with roots.json (a change detector: the roots were made by this code).
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { replay } from '../../../src/runtime/replay.js';
import { canonicalDataDir, canonicalDir, CANONICAL } from '../../gen/canonical-history.js';
import { scratch } from '../../helpers/sim.js';
const canonical = suite('canonical history');
const tmp = scratch('canonical');
canonical.after(() => tmp.remove());
canonical('replaying events/canonical from genesis reproduces roots.json at every height', async () => {
    const expected = JSON.parse(readFileSync(join(canonicalDir(), 'roots.json'), 'utf8'));
    assert.is(expected.length, CANONICAL.blocks);
    const dataDir = join(tmp.dir, 'chain');
    cpSync(canonicalDataDir(), dataDir, { recursive: true });
    const computed = [];
    const outcome = await replay(dataDir, { workers: 1, onWarning: () => undefined, onBlock: (result) => computed.push({ height: result.height, block_hash: result.blockHash, state_root: result.stateRoot }) });
    assert.is(outcome.divergence, undefined, `replay diverged: ${JSON.stringify(outcome.divergence)}`);
    assert.equal(computed, expected);
});
canonical.run();
//# sourceMappingURL=canonical-history.test.js.map