/**
 * Goal: `verify` and `replay` of a block log that holds a block over Tendermint's Block.MaxBytes
 * (written by another program, or by a build without the check) name the height and the code,
 * `block_too_large`, and apply nothing of it. Before the check such a log verified.
 * Method: `init` with a genesis whose consensus_params.block.max_bytes is 8,000; one block by the
 * ChainWriter; then block 2 with 9,000 bytes of filler txs, applied with the size check skipped
 * (its state root recorded as a producer without the check would) and appended to the log
 * directly; then the compiled CLI. Also: a stored block longer than its canonical encoding (bytes
 * the size check, which measures the decoded block, would not see) is refused by both, and so are stored header bytes that are
 * not the header's canonical encoding (replay compares them with its one encoding). Sources:
 * Tendermint — the pokt-network fork at 59310158d3e9, pocket-core go.mod:5 — consensus/state.go:
 * 1705-1714, go-amino v0.15.1 amino.go:284-292 (pocket-core's go.mod:24)
 * (a proposal over MaxBytes does not decode).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyBlock } from '../../../src/chain/apply-block.js';
import { encodeBlock, encodeHeader } from '../../../src/chain/block.js';
import { blockByteSize } from '../../../src/chain/block-size.js';
import { buildBlock } from '../../../src/chain/producer.js';
import { encodeRecord } from '../../../src/chain/record.js';
import { BlockLog, blockLogDir } from '../../../src/log/index.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { filler } from '../../helpers/block-filler.js';
import { BLOCK_INTERVAL_NS, testGenesisJson, testKey } from '../../helpers/chain.js';
import { runCli, scratch } from '../../helpers/sim.js';
import { ProtoWriter } from '../../../src/wire/index.js';

const test = suite('cli: verify and replay of a log with a block over Block.MaxBytes');
const tmp = scratch('cli-block-limit');
test.after(() => tmp.remove());

interface DivergenceJson {
  readonly height: number;
  readonly kind: string;
  readonly detail: string;
}

/**
 * A chain under Block.MaxBytes 8,000 with block 1 produced and, at height 2, the record `craft`
 * makes from the writer's state (block 1 applied): a block the writer itself would never store.
 */
async function chainWithCraftedBlock2(name: string, craft: (writer: ChainWriter) => Uint8Array): Promise<string> {
  const genesisFile = join(tmp.dir, `genesis-${name}.json`);
  writeFileSync(genesisFile, testGenesisJson({ consensusMaxBytes: '8000', validators: [{ key: testKey('cli-limit-validator'), tokensUpokt: 100_000_000_000n }] }));
  const dir = join(tmp.dir, name);
  const init = await runCli(['init', '--genesis', genesisFile, '--data', dir]);
  assert.is(init.code, 0, init.stderr);
  const writer = await ChainWriter.open(dir, { fsync: 'never' });
  let record: Uint8Array;
  try {
    writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
    record = craft(writer);
  } finally {
    writer.close();
  }
  const { log } = BlockLog.open(blockLogDir(dir), { fsync: 'never' });
  try {
    log.append(2, record);
  } finally {
    log.close();
  }
  return dir;
}

test('verify and replay name height 2 and block_too_large', async () => {
  const dir = await chainWithCraftedBlock2('chain', (writer) => {
    const block = buildBlock(writer.state, { timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: filler(9000) });
    assert.ok(blockByteSize(block) > 8000, `the block is over the limit (${blockByteSize(block)} bytes)`);
    const result = applyBlock(writer.state, block, { whatIf: { events: [], skipChecks: new Set(['block_too_large']) } });
    return encodeRecord({ blockBytes: encodeBlock(block), stateRootAfter: result.stateRoot, writeSet: new Uint8Array(0) });
  });
  const verify = await runCli(['verify', '--data', dir, '--json', '--no-progress']);
  assert.is(verify.code, 1, verify.stdout + verify.stderr);
  const verified = JSON.parse(verify.stdout) as { ok: boolean; chain_problem: unknown; divergence: DivergenceJson | null };
  assert.is(verified.chain_problem, null, 'the hash chain holds: only the reducer refuses the block');
  assert.is(verified.divergence?.height, 2);
  assert.is(verified.divergence?.kind, 'block_rejected');
  assert.match(verified.divergence?.detail ?? '', /^block_too_large: block 2 is \d+ bytes .*Block\.MaxBytes 8000/);
  const replay = await runCli(['replay', '--data', dir, '--json', '--no-progress', '--trust-signatures']);
  assert.is(replay.code, 1, replay.stdout + replay.stderr);
  const replayed = JSON.parse(replay.stdout) as { verified: boolean; height: number; divergence?: DivergenceJson };
  assert.is(replayed.verified, false);
  assert.is(replayed.divergence?.height, 2);
  assert.match(replayed.divergence?.detail ?? '', /^block_too_large: /);
  const human = await runCli(['replay', '--data', dir, '--no-progress', '--trust-signatures']);
  assert.match(human.stdout, /DIVERGED at height 2 \(block_rejected\): block_too_large: /);
});

test('a stored block padded past its canonical encoding (a repeated header field: bytes the size check would not count) is block_not_canonical to verify, record_malformed to replay', async () => {
  const dir = await chainWithCraftedBlock2('padded', (writer) => {
    const block = buildBlock(writer.state, { timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: filler(300) });
    const result = applyBlock(writer.state, block);
    // The header field twice: the decoder keeps the last, the same header, so the block decodes as before.
    const padding = new ProtoWriter('gogoproto').bytesAlways(1, new Uint8Array(5000)).finish();
    return encodeRecord({ blockBytes: Buffer.concat([padding, encodeBlock(block)]), stateRootAfter: result.stateRoot, writeSet: new Uint8Array(0) });
  });
  const verify = await runCli(['verify', '--data', dir, '--json', '--no-progress']);
  assert.is(verify.code, 1, verify.stdout + verify.stderr);
  const problem = (JSON.parse(verify.stdout) as { chain_problem: { height: number; code: string; message: string } | null }).chain_problem;
  assert.is(problem?.height, 2);
  assert.is(problem?.code, 'block_not_canonical', problem?.message);
  const replay = await runCli(['replay', '--data', dir, '--json', '--no-progress', '--trust-signatures']);
  assert.is(replay.code, 1, replay.stdout + replay.stderr);
  const divergence = (JSON.parse(replay.stdout) as { divergence?: DivergenceJson }).divergence;
  assert.is(divergence?.height, 2);
  assert.is(divergence?.kind, 'record_malformed');
  assert.match(divergence?.detail ?? '', 'block bytes are not in canonical form');
});

test('stored header bytes that are not the header’s canonical encoding (its chain id written twice: the decoder keeps the last) are header_not_canonical to verify, record_malformed to replay', async () => {
  const dir = await chainWithCraftedBlock2('header', (writer) => {
    const block = buildBlock(writer.state, { timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: filler(3) });
    const result = applyBlock(writer.state, block);
    const header = Buffer.concat([new ProtoWriter('gogoproto').stringAlways(1, 'another-chain').finish(), encodeHeader(block.header)]);
    const w = new ProtoWriter('gogoproto').bytesAlways(1, header);
    for (const tx of block.txs) w.bytesAlways(2, tx);
    return encodeRecord({ blockBytes: w.finish(), stateRootAfter: result.stateRoot, writeSet: new Uint8Array(0) });
  });
  const verify = await runCli(['verify', '--data', dir, '--json', '--no-progress']);
  assert.is(verify.code, 1, verify.stdout + verify.stderr);
  const problem = (JSON.parse(verify.stdout) as { chain_problem: { height: number; code: string } | null }).chain_problem;
  assert.equal([problem?.height, problem?.code], [2, 'header_not_canonical']);
  const replay = await runCli(['replay', '--data', dir, '--json', '--no-progress', '--trust-signatures']);
  assert.is(replay.code, 1, replay.stdout + replay.stderr);
  const divergence = (JSON.parse(replay.stdout) as { divergence?: DivergenceJson }).divergence;
  assert.equal([divergence?.height, divergence?.kind, divergence?.detail], [2, 'record_malformed', 'header bytes are not in canonical form']);
});

test.run();
