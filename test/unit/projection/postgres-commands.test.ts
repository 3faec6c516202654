/**
 * Goal: the commands a PostgreSQL reader's errors tell the operator to run name what the
 * operator passed — the data directory and the database URL, its password masked — not the
 * placeholders `DIR` and `URL` (`serve --postgres` printed "build it with `pokt-ledger project
 * --data DIR --postgres URL`" whatever it had been given).
 * Method: the command text (src/projection/pg/read-store.ts pgProjectCommand) and the URL's
 * redaction (src/projection/pg/connect.ts redactedUrl) on stated examples; the live refusals of a
 * database without the projection are in test/unit/query/postgres-serve.test.ts.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { redactedUrl } from '../../../src/projection/pg/connect.js';
import { pgProjectCommand } from '../../../src/projection/pg/read-store.js';

const test = suite('PostgreSQL reader: the project command its errors name');

test('the data directory and the URL given, the password masked, each one shell word', () => {
  assert.is(pgProjectCommand('postgres://ledger:s3cret@db.example:5432/pokt', '/srv/chain', false), '`pokt-ledger project --data /srv/chain --postgres \'postgres://ledger:***@db.example:5432/pokt\'`');
  assert.is(pgProjectCommand('postgres://ledger@db.example/pokt', "/srv/my chain's data", true), "`pokt-ledger project --data '/srv/my chain'\\''s data' --postgres postgres://ledger@db.example/pokt --rebuild`");
});

test('no data directory known (serve --postgres without --data): named for what it is, not DIR', () => {
  const command = pgProjectCommand('postgres://ledger:pw@db/pokt', undefined, true);
  assert.is(command, "`pokt-ledger project --data <the chain's data directory> --postgres 'postgres://ledger:***@db/pokt' --rebuild`");
  assert.not.match(command, /\bDIR\b|\bURL\b|pw@/);
});

test('a password in the URL\'s query is masked too', () => {
  assert.is(redactedUrl('postgres://ledger@db/pokt?password=s3cret&sslmode=require'), 'postgres://ledger@db/pokt?password=***&sslmode=require');
  assert.is(redactedUrl('postgres://ledger:a@db/pokt?sslpassword=k'), 'postgres://ledger:***@db/pokt?sslpassword=***');
  assert.is(redactedUrl('postgres://ledger@db/pokt'), 'postgres://ledger@db/pokt');
  // The rest of the query string as given: a copied command must carry the same libpq options
  // (URLSearchParams would write %20 as + and re-encode the rest).
  assert.is(redactedUrl('postgres://ledger@db/pokt?options=-c%20search_path%3Dx&password=p%20w&application_name=a+b'), 'postgres://ledger@db/pokt?options=-c%20search_path%3Dx&password=***&application_name=a+b');
  assert.is(redactedUrl('postgres://ledger@db/pokt?PASSWORD=x&password_hint=keep'), 'postgres://ledger@db/pokt?PASSWORD=***&password_hint=keep');
});

test.run();
