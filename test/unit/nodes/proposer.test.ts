/**
 * Goal: the block producer is drawn by the "tickets in the hat" rule (PROTOCOL §14 "Block
 * producer odds": round down (node stake / avg node stake) = tickets; §6.2, the Tendermint fork's
 * GetProposerRandomized): seed = SHA-256(prevBlockHash ‖ LE64(round)); per validator in address
 * order max(1, floor(power / floor(avg power))) tickets; winner = ticket uint64_BE(seed[0:8]) mod Σ.
 * Method: three validators A < B < C with powers 100, 10, 10 → avg floor(120/3) = 40 → tickets
 * A 2 (floor(100/40)), B 1 (max(1, 0)), C 1: ticket 0,1 → A, 2 → B, 3 → C. The seeds were
 * computed independently with Python hashlib (sha256(bytes.fromhex(h) + struct.pack('<Q', r)),
 * first 8 bytes big-endian), value and residue mod 4 noted beside each case.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Address } from '../../../src/core/types.js';
import { proposerSeed, selectProposer } from '../../../src/modules/nodes/proposer.js';

const A = 'aa'.repeat(20) as Address;
const B = 'bb'.repeat(20) as Address;
const C = 'cc'.repeat(20) as Address;
const set = [
  { address: C, power: 10n },
  { address: A, power: 100n },
  { address: B, power: 10n },
];

const lottery = suite('nodes/proposer: tickets in the hat (PROTOCOL §6.2, §14)');

lottery('seeds as Python computes them', () => {
  assert.is(proposerSeed('00'.repeat(32)), 3185397464471143308n);
  assert.is(proposerSeed('01'.repeat(32)), 1326242002051960478n);
  assert.is(proposerSeed('00'.repeat(32), 1n), 1867380580647095823n);
});

lottery('powers 100/10/10 → tickets A A B C; the seed residue mod 4 picks the holder (input order does not matter)', () => {
  assert.is(selectProposer(set, '00'.repeat(32)), A); // 3185397464471143308 mod 4 = 0
  assert.is(selectProposer(set, 'ff'.repeat(32)), A); // 11949584063126788445 mod 4 = 1
  assert.is(selectProposer(set, '01'.repeat(32)), B); // 1326242002051960478 mod 4 = 2
  assert.is(selectProposer(set, '0b'.repeat(32)), C); // 16473197069175905247 mod 4 = 3
  assert.is(selectProposer(set, '00'.repeat(32), 1n), C); // round 1: 1867380580647095823 mod 4 = 3
});

lottery('equal powers: one ticket each (30/10/10: avg 16, floor(30/16) = 1) → residue mod 3', () => {
  const flat = [{ address: A, power: 30n }, { address: B, power: 10n }, { address: C, power: 10n }];
  assert.is(selectProposer(flat, '00'.repeat(32)), A); // 3185397464471143308 mod 3 = 0
  assert.is(selectProposer(flat, 'ab'.repeat(32)), B); // 16887906468035560912 mod 3 = 1
  assert.is(selectProposer(flat, '01'.repeat(32)), C); // 1326242002051960478 mod 3 = 2
});

lottery.run();
