/**
 * `audit --what-if`'s text for people (src/cli/what-if-text.ts): signed POKT from the report's
 * exact uPOKT strings, the nodes by size of change, the cut at WHAT_IF_SHOWN said aloud.
 * Expected texts worked by hand from the report below (1 POKT = 1,000,000 uPOKT).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { WhatIfReport } from '../../../src/audit/what-if.js';
import { signedPokt, whatIfText } from '../../../src/cli/what-if-text.js';

const test = suite('cli: what-if text');

const node = (address: string, rewards: string, burns = '0', jailings = 0): WhatIfReport['nodes'][number] => ({ address, rewards_delta_upokt: rewards, burns_delta_upokt: burns, jailings_delta: jailings });

const report: WhatIfReport = {
  overrides: [{ key: 'pos/RelaysToTokensMultiplier', value: '485', height: 50 }],
  from: 50,
  to: 120,
  total: { rewards_delta_upokt: '-3500000', burns_delta_upokt: '250000', jailings_delta: 1, supply_delta_upokt: '-4000001', minted_delta_upokt: '-3750001', burned_delta_upokt: '250000' },
  // Address order, as the report keeps them; sizes |rewards| + |burns|: aa 1.0, bb 2.25, cc 0.5, dd 2.25.
  nodes: [node('aa', '-1000000'), node('bb', '-2000000', '250000', 1), node('cc', '-500000'), node('dd', '2250000')],
  changed_txs: [{ height: 61, index: 3, recorded: 'ok', what_if: 'pos:113' }],
};

test('signed POKT: a plus for gains, nothing for zero, thousands grouped', () => {
  assert.is(signedPokt('0'), '0 POKT');
  assert.is(signedPokt('1500000'), '+1.5 POKT');
  assert.is(signedPokt('-246007952'), '-246.007952 POKT');
  assert.is(signedPokt('1234567000001'), '+1,234,567.000001 POKT');
});

test('the totals, the changed txs, then the nodes by size of change (ties in address order)', () => {
  assert.is(
    whatIfText(report),
    [
      'what-if pos/RelaysToTokensMultiplier=485@50, heights 50–120:',
      '  total: rewards -3.5 POKT, burns +0.25 POKT, jailings +1; supply -4.000001 POKT',
      '  tx outcomes that change: 1',
      '    block 61, tx 3: ok → pos:113',
      '  nodes changed: 4',
      '    bb: rewards -2 POKT, burns +0.25 POKT, jailings +1',
      '    dd: rewards +2.25 POKT, burns 0 POKT, jailings 0',
      '    aa: rewards -1 POKT, burns 0 POKT, jailings 0',
      '    cc: rewards -0.5 POKT, burns 0 POKT, jailings 0',
      '',
    ].join('\n'),
  );
});

test('beyond the shown count the text says how many and where the rest are', () => {
  const lines = whatIfText(report, 2).split('\n');
  assert.is(lines[4], '  nodes changed: 4 (the 2 largest changes; --json lists every one)');
  assert.equal(lines.slice(5, -1), ['    bb: rewards -2 POKT, burns +0.25 POKT, jailings +1', '    dd: rewards +2.25 POKT, burns 0 POKT, jailings 0']);
});

test.run();
