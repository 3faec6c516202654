/**
 * Goal: `keys create` writes a key file `tx sign` can use, never overwrites one, and `keys show`
 * validates a file and refuses a damaged one with a coded error.
 * Method: the compiled CLI spawned on temp files; the created key signs a tx that decodes and
 * verifies.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';


const run = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const here = new URL(import.meta.url).pathname;
  const main = join(here, '..', '..', '..', '..', 'src', 'cli', 'main.js');
  const result = spawnSync(process.execPath, [main, ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
};

const keys = suite('cli: keys');

keys('create → show → sign → decode: the key file works end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pokt-keys-'));
  try {
    const file = join(dir, 'key.json');
    const created = run('keys', 'create', '--out', file, '--json');
    assert.is(created.status, 0, created.stderr);
    const info = JSON.parse(created.stdout) as { address: string; public_key: string };
    assert.match(info.address, /^[0-9a-f]{40}$/);
    assert.not.match(created.stdout, /private/);
    assert.is(statSync(file).mode & 0o777, 0o600);
    const shown = JSON.parse(run('keys', 'show', file, '--json').stdout) as { address: string };
    assert.is(shown.address, info.address);
    const signed = run('tx', 'sign', '--key', file, '--chain-id', 'mainnet', '--type', 'send', '--to', 'b50a6e20d3733fb89631ae32385b3c85c533c560', '--amount', '5', '--json');
    assert.is(signed.status, 0, signed.stderr);
    const tx = (JSON.parse(signed.stdout) as { tx: string }).tx;
    const decoded = JSON.parse(run('tx', 'decode', tx, '--chain-id', 'mainnet', '--json').stdout) as { signer: string; signature_valid: boolean };
    assert.is(decoded.signer, info.address);
    assert.is(decoded.signature_valid, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

keys('an existing file is never overwritten; a damaged one is a coded error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pokt-keys-'));
  try {
    const file = join(dir, 'key.json');
    assert.is(run('keys', 'create', '--out', file).status, 0);
    const before = readFileSync(file, 'utf8');
    const again = run('keys', 'create', '--out', file, '--json');
    assert.is(again.status, 1);
    // Named like every other CLI error (as `tx sign` names a bad key file); the codespace and code in the details.
    assert.equal(JSON.parse(again.stdout), { error: { code: 'key_file_exists', message: JSON.parse(again.stdout).error.message, details: { codespace: 'keyfile', code: 8 } } });
    // Advice, not the system call's words (dogfooding of 2026-12-07: "EEXIST: file already
    // exists, open '…'", with no way on): what is there and what to do instead.
    const said = (JSON.parse(again.stdout) as { error: { message: string } }).error.message;
    assert.not.match(said, /EEXIST|open '/, said);
    assert.match(said, /already holds a file.*another --out/, said);
    assert.is(readFileSync(file, 'utf8'), before);
    const damaged = JSON.parse(before) as Record<string, string>;
    damaged['address'] = '00'.repeat(20);
    writeFileSync(file, JSON.stringify(damaged));
    const shown = run('keys', 'show', file, '--json');
    assert.is(shown.status, 1);
    assert.is(JSON.parse(shown.stdout).error.code, 'key_file_address_mismatch');
    assert.equal(JSON.parse(shown.stdout).error.details, { codespace: 'keyfile', code: 7 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

keys.run();
