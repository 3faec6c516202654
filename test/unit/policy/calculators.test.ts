/**
 * Goal: the PROTOCOL §14 calculators compute the documented formulas exactly (18-decimal fixed
 * point, half-even division) and the `calc` CLI prints {inputs, formula, result} with --json.
 * Method: each formula on the worked example in its TSDoc, with the expected value computed
 * independently (Python `decimal` at 60 digits, rounded half-even to 18 decimals, noted beside
 * each value); input validation; then the compiled CLI spawned with real arguments.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Dec } from '../../../src/core/bigdec.js';
import type { FastifyInstance } from 'fastify';
import { registerCalcRoutes } from '../../../src/query/calc-routes.js';
import { createHttpApp } from '../../../src/query/http-app.js';
import { emissionRate, mintRate, parseDecimalInput, plainDecimal, relaysPerPokt, requiredStake } from '../../../src/modules/policy/queries.js';

const d = (text: string): Dec => Dec.fromString(text)!;

const formulas = suite('policy: calculator formulas');

formulas('relays per POKT: $0.12, $0.00000085/relay, 24 sessions × 30.42 days × 24 months', () => {
  const calc = relaysPerPokt({ poktPriceUsd: d('0.12'), usdRelayTarget: d('0.00000085'), roiMonths: d('24'), sessionsPerDay: d('24'), daysPerMonth: d('30.42') });
  // Python: Decimal('0.12') / Decimal('0.014893632') = 8.05713475396733315285…
  assert.is(calc.result, '8.057134753967333153');
  assert.equal(calc.inputs, { pokt_price_usd: '0.12', usd_relay_target: '0.00000085', roi_months: '24', sessions_per_day: '24', days_per_month: '30.42' });
  assert.match(calc.formula, /pokt_price_usd \/ \(usd_relay_target × sessions_per_day × days_per_month × roi_months\)/);
});

formulas('required stake: 1,000,000 relays/day at 8.057 relays per POKT, 24 sessions/day', () => {
  const calc = requiredStake({ dailyRelays: d('1000000'), relaysPerPokt: d('8.057'), sessionsPerDay: d('24') });
  // Python: 1000000 / (8.057 × 24) = 5171.48649207728269413760…
  assert.is(calc.result, '5171.486492077282694138');
});

formulas('mint rate: 1.5e9 POKT baseline, 5 % inflation, 1e9 relays/day', () => {
  const calc = mintRate({ supplyBaselinePokt: d('1500000000'), inflationRate: d('0.05'), dailyRelays: d('1000000000') });
  // Python: 75000000 × 10^6 / (10^9 × 365) = 205.47945205479452054794…
  assert.is(calc.result, '205.479452054794520548');
});

formulas('emission: 220,000 POKT/day over 1.5e9 relays/day', () => {
  const calc = emissionRate({ targetPoktPerDay: d('220000'), dailyRelays: d('1500000000') });
  // 2.2e11 / 1.5e9 = 146.666… → half-even at 18 decimals
  assert.is(calc.result, '146.666666666666666667');
});

formulas('an exact result prints without trailing zeros', () => {
  assert.is(emissionRate({ targetPoktPerDay: d('100'), dailyRelays: d('1000000') }).result, '100');
  assert.is(plainDecimal(d('12.5')), '12.5');
  assert.is(plainDecimal(Dec.ZERO), '0');
});

const inputs = suite('policy: calculator inputs');

inputs('percentages, negatives, zero divisors and non-numbers', () => {
  const percent = parseDecimalInput('--inflation-rate', '5%', { allowPercent: true });
  assert.ok(percent.ok && percent.value.eq(d('0.05')));
  assert.not.ok(parseDecimalInput('--inflation-rate', '5%').ok, 'no % unless allowed');
  assert.not.ok(parseDecimalInput('--daily-relays', '-1').ok);
  assert.not.ok(parseDecimalInput('--daily-relays', '0', { positive: true }).ok);
  assert.ok(parseDecimalInput('--daily-relays', '0').ok);
  assert.not.ok(parseDecimalInput('--daily-relays', '1e9').ok);
  assert.not.ok(parseDecimalInput('--x', '0.1234567890123456789').ok, 'more than 18 decimals');
});

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, '..', '..', '..', 'src', 'cli', 'main.js');

function cli(...args: string[]): { status: number | null; json: Record<string, unknown> } {
  const result = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });
  return { status: result.status, json: JSON.parse(result.stdout) as Record<string, unknown> };
}

const command = suite('cli: pokt-ledger calc');

command('relays-per-pokt --json prints exactly {inputs, formula, result}', () => {
  const run = cli('calc', 'relays-per-pokt', '--pokt-price-usd', '0.12', '--usd-relay-target', '0.00000085', '--roi-months', '24', '--json');
  assert.is(run.status, 0);
  assert.equal(Object.keys(run.json), ['inputs', 'formula', 'result']);
  assert.is(run.json['result'], '8.057134753967333153');
});

command('required-stake, mint-rate and emission', () => {
  assert.is(cli('calc', 'required-stake', '--daily-relays', '1000000', '--relays-per-pokt', '8.057', '--json').json['result'], '5171.486492077282694138');
  assert.is(cli('calc', 'mint-rate', '--supply-baseline-pokt', '1500000000', '--inflation-rate', '5%', '--daily-relays', '1000000000', '--json').json['result'], '205.479452054794520548');
  assert.is(cli('calc', 'emission', '--target-pokt-per-day', '220000', '--daily-relays', '1500000000', '--json').json['result'], '146.666666666666666667');
});

command('bad input: coded usage error, exit 2', () => {
  const run = cli('calc', 'emission', '--target-pokt-per-day', '220000', '--daily-relays', '0', '--json');
  assert.is(run.status, 2);
  assert.is((run.json['error'] as { code: string }).code, 'invalid_option');
  assert.is((cli('calc', 'mint-rate', '--json').json['error'] as { code: string }).code, 'missing_option');
});

const http = suite('query: the calculators over HTTP (PROTOCOL §14: "calculator (CLI + API)")');

async function calcApp(): Promise<FastifyInstance> {
  const app = await createHttpApp();
  registerCalcRoutes(app);
  await app.ready();
  return app;
}

async function post(app: FastifyInstance, name: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await app.inject({ method: 'POST', url: `/v1/query/calc/${name}`, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: response.statusCode, json: JSON.parse(response.body) as Record<string, unknown> };
}

http('the four calculators answer the CLI\'s {inputs, formula, result} with the worked examples\' values (Python decimal, above)', async () => {
  const app = await calcApp();
  try {
    const perPokt = await post(app, 'relays-per-pokt', { pokt_price_usd: '0.12', usd_relay_target: '0.00000085', roi_months: '24' });
    assert.is(perPokt.status, 200);
    assert.equal(Object.keys(perPokt.json), ['inputs', 'formula', 'result']);
    assert.is(perPokt.json['result'], '8.057134753967333153');
    assert.equal(perPokt.json['inputs'], { pokt_price_usd: '0.12', usd_relay_target: '0.00000085', roi_months: '24', sessions_per_day: '24', days_per_month: '30.42' });
    assert.is((await post(app, 'required-stake', { daily_relays: '1000000', relays_per_pokt: '8.057' })).json['result'], '5171.486492077282694138');
    assert.is((await post(app, 'mint-rate', { supply_baseline_pokt: '1500000000', inflation_rate: '5%', daily_relays: '1000000000' })).json['result'], '205.479452054794520548');
    assert.is((await post(app, 'emission', { target_pokt_per_day: '220000', daily_relays: '1500000000' })).json['result'], '146.666666666666666667');
  } finally {
    await app.close();
  }
});

http('bad input: 400 with a stable error name — a zero divisor, a non-number, a missing or unknown field', async () => {
  const app = await calcApp();
  try {
    const zero = await post(app, 'emission', { target_pokt_per_day: '220000', daily_relays: '0' });
    assert.is(zero.status, 400);
    assert.is(zero.json['error'], 'invalid_input');
    assert.equal(zero.json['details'], { field: 'daily_relays' });
    assert.is((await post(app, 'mint-rate', { supply_baseline_pokt: '1e9', inflation_rate: '5%', daily_relays: '1' })).status, 400);
    assert.is((await post(app, 'mint-rate', { inflation_rate: '5%', daily_relays: '1' })).status, 400);
    assert.is((await post(app, 'emission', { target_pokt_per_day: '1', daily_relays: '1', extra: '1' })).status, 400);
    assert.is((await post(app, 'emission', { target_pokt_per_day: 1, daily_relays: '1' })).status, 400);
  } finally {
    await app.close();
  }
});

formulas.run();
inputs.run();
command.run();
http.run();
