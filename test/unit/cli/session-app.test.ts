/**
 * Goal: `session --app` given an application's address (what `query apps` lists first, 40 hex
 * characters) says that it takes the public key and where to find it; without --app it says the
 * option is missing. Dogfooding of 2026-12-07: both said only "--app must be a 32-byte hex public
 * key". The public key is what pocket-core's dispatch takes (DispatchRequest's
 * SessionHeader.ApplicationPubKey, x/pocketcore/types/session.go), so the address cannot stand in.
 * Method: the compiled CLI; the option is checked before any chain is read.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli } from '../../helpers/sim.js';

const test = suite('cli: session --app');

test('an address: usage error naming the public key and `query app`; none: missing_option', async () => {
  const address = await runCli(['session', '--app', '0f543fd4398e47c97e76b756065d22c42edd3f86', '--chain', '0001', '--json']);
  assert.is(address.code, 2, address.stdout);
  const said = (JSON.parse(address.stdout) as { error: { code: string; message: string } }).error;
  assert.is(said.code, 'invalid_option');
  assert.match(said.message, /public key.*not its address.*query app/, said.message);
  const none = await runCli(['session', '--chain', '0001', '--json']);
  assert.is(none.code, 2, none.stdout);
  assert.is((JSON.parse(none.stdout) as { error: { code: string } }).error.code, 'missing_option');
});

test.run();
