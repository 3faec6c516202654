/**
 * Goal: every event leaves the reducer with its place — height, block time, source (BeginBlock
 * or EndBlock step by name, or tx index and hash) and a block-wide index in application order —
 * and a subscriber that fails stops the producer at that block instead of being reported later.
 * Method: a hand-made BlockResult (two steps, three receipts one of which has no events); a
 * stream with a throwing subscriber.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CommittedBlockStream, envelopeEvents } from '../../../src/runtime/committed-block.js';
const event = (label) => ({ type: 'CoinsSent', from: label, to: label, amountUpokt: 1n });
const receipt = (index, events) => ({ index, hash: `HASH${index}`, events });
const RESULT = {
    height: 7,
    blockHash: 'ab',
    timeNs: 123n,
    stateRoot: 'cd',
    beginBlock: [{ step: 'pos', events: [event('b1'), event('b2')] }],
    receipts: [receipt(0, [event('t0')]), receipt(1, []), receipt(2, [event('t2a'), event('t2b')])],
    endBlock: [{ step: 'pocketcore', events: [event('e1')] }],
};
const test = suite('runtime: event envelopes and the committed-block stream');
test('envelopes: application order, block-wide index, source and place of every event', () => {
    const envelopes = envelopeEvents(RESULT);
    assert.equal(envelopes.map((e) => [e.index, e.event.from, e.source]), [
        [0, 'b1', { kind: 'begin_block', step: 'pos' }],
        [1, 'b2', { kind: 'begin_block', step: 'pos' }],
        [2, 't0', { kind: 'tx', txIndex: 0, txHash: 'HASH0' }],
        [3, 't2a', { kind: 'tx', txIndex: 2, txHash: 'HASH2' }],
        [4, 't2b', { kind: 'tx', txIndex: 2, txHash: 'HASH2' }],
        [5, 'e1', { kind: 'end_block', step: 'pocketcore' }],
    ]);
    for (const e of envelopes) {
        assert.is(e.height, 7);
        assert.is(e.timeNs, 123n);
    }
});
test('a subscriber that throws makes publish throw at once (rxjs would report it later); the next block publishes again', () => {
    const stream = new CommittedBlockStream();
    const seen = [];
    let fail = true;
    stream.subscribe((block) => {
        seen.push(block.events.length);
        if (fail)
            throw new Error('projector failed');
    });
    const block = { header: { height: 7 }, txs: [] };
    assert.throws(() => stream.publish(block, [], RESULT), /projector failed/);
    fail = false;
    stream.publish(block, [], RESULT);
    assert.equal(seen, [6, 6]);
});
test('no subscriber: publish does nothing', () => {
    const stream = new CommittedBlockStream();
    assert.is(stream.observed, false);
    stream.publish({ header: { height: 1 }, txs: [] }, [], { ...RESULT, beginBlock: null });
});
test.run();
//# sourceMappingURL=committed-block.test.js.map