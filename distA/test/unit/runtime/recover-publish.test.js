/**
 * Goal: every block that reaches the log is published on the committed-block stream exactly once,
 * also the one whose append failed after its record reached the disk whole (an fsync error): the
 * writer's recover() finds it there, makes it the chain's head, and publishes it — so projections
 * subscribed to the writer do not miss it. A record that never reached the disk is not published.
 * Method: a small chain made in-process (init + ChainWriter, empty blocks); the append of block 3
 * fails through the writer's log (fault injected in the test: the record is written first, or
 * not at all, then an EIO-like error is thrown); the heights the stream delivered are compared.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { BLOCK_INTERVAL_NS, testGenesisJson, testKey } from '../../helpers/chain.js';
import { scratch } from '../../helpers/sim.js';
const tmp = scratch('recover-publish');
async function writerWithTwoBlocks(name) {
    const dir = join(tmp.dir, name);
    const genesis = join(tmp.dir, `${name}-genesis.json`);
    writeFileSync(genesis, testGenesisJson({ accounts: [{ key: testKey('alice'), balanceUpokt: 10000000000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100000000000n }] }));
    initDataDir(dir, genesis);
    const writer = await ChainWriter.open(dir, { fsync: 'never' });
    const published = [];
    writer.stream.subscribe((block) => published.push(block.block.header.height));
    for (let i = 0; i < 2; i++)
        next(writer);
    return { writer, published };
}
function next(writer) {
    writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
}
/** The next append fails: after writing the record (`written`) or before. */
function failNextAppend(writer, written) {
    const log = writer.log;
    const append = log.append.bind(log);
    log.append = (height, record) => {
        if (written)
            append(height, record);
        throw Object.assign(new Error('EIO: fsync failed (injected)'), { code: 'EIO' });
    };
}
const test = suite('runtime: ChainWriter.recover publishes what reached the disk');
test.after(() => tmp.remove());
test('the record reached the disk before the failure: recover makes it the head and publishes it once', async () => {
    const { writer, published } = await writerWithTwoBlocks('written');
    failNextAppend(writer, true);
    assert.throws(() => next(writer), /EIO/);
    assert.is(writer.stateAvailable, false);
    await writer.recover();
    assert.is(writer.height, 3);
    assert.equal(published, [1, 2, 3]);
    next(writer);
    assert.equal(published, [1, 2, 3, 4]);
    writer.close();
});
test('the record never reached the disk: nothing is published, the chain continues at the same height', async () => {
    const { writer, published } = await writerWithTwoBlocks('lost');
    failNextAppend(writer, false);
    assert.throws(() => next(writer), /EIO/);
    await writer.recover();
    assert.is(writer.height, 2);
    assert.equal(published, [1, 2]);
    next(writer);
    assert.equal(published, [1, 2, 3]);
    writer.close();
});
test.run();
//# sourceMappingURL=recover-publish.test.js.map