/**
 * Goal: the URL the node (and serve, start) prints for its address is a URL: an IPv6 host is
 * bracketed. `node --host ::1` printed "listening on http://::1:33097" and `--host ::`
 * "http://:::44905" (docs walk of 2026-12-07), which neither a browser nor fetch can open.
 * Method: httpUrl over IPv4, names and IPv6 forms; a node bound to ::1 on a free port, its
 * printed URL opened with fetch.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { httpUrl } from '../../../src/core/http-url.js';
import { testKey } from '../../helpers/chain.js';
import { startTestNode } from '../../helpers/node-http.js';

const test = suite('node: the printed URL of its address opens, IPv6 too');

test('httpUrl: IPv4 and names as they are; IPv6 in brackets (once)', () => {
  assert.is(httpUrl('127.0.0.1', 8081), 'http://127.0.0.1:8081');
  assert.is(httpUrl('localhost', 8081), 'http://localhost:8081');
  assert.is(httpUrl('::1', 8081), 'http://[::1]:8081');
  assert.is(httpUrl('::', 47200), 'http://[::]:47200');
  assert.is(httpUrl('[::1]', 8081), 'http://[::1]:8081');
});

test('a node bound to ::1 gives a URL fetch opens', async () => {
  const running = await startTestNode({ accounts: [], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] }, { host: '::1' });
  try {
    assert.ok(running.node.url.startsWith('http://[::1]:'), running.node.url);
    const answer = await fetch(`${running.node.url}/v1/ledger/health`);
    assert.is(answer.status, 200);
  } finally {
    await running.close();
  }
});

test.run();
