/**
 * The monetary-policy calculators over HTTP (PROTOCOL §14: "Relays per staked POKT — calculator
 * (CLI + API)"; the CLI is `pokt-ledger calc`). Pure functions of the request (modules/policy/
 * queries.ts): they read no ledger state, so they answer even before the projection has a block.
 *
 *   POST /v1/query/calc/relays-per-pokt {pokt_price_usd, usd_relay_target, roi_months, sessions_per_day?, days_per_month?}
 *   POST /v1/query/calc/required-stake  {daily_relays, relays_per_pokt, sessions_per_day?}
 *   POST /v1/query/calc/mint-rate       {supply_baseline_pokt, inflation_rate, daily_relays}
 *   POST /v1/query/calc/emission        {target_pokt_per_day, daily_relays}
 *
 * Inputs are decimal strings (≤ 18 fractional digits; inflation_rate may end in "%"), as the CLI
 * takes them; the answer is the CLI's `--json` object {inputs, formula, result}, the result an
 * exact decimal string. A bad input is 400 `invalid_input` naming the field.
 * Example: relays-per-pokt {pokt_price_usd "0.12", usd_relay_target "0.00000085", roi_months "24"}
 * → result "8.057134753967333153" (the worked example of policy/queries.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { Dec } from '../core/bigdec.js';
import {
  DEFAULT_DAYS_PER_MONTH,
  DEFAULT_SESSIONS_PER_DAY,
  emissionRate,
  mintRate,
  parseDecimalInput,
  relaysPerPokt,
  requiredStake,
  type Calculation,
} from '../modules/policy/index.js';
import { HttpError } from './http-error.js';
import { errorAnswer } from './schemas.js';

type Body = Record<string, unknown>;

const decimalText = { type: 'string', minLength: 1, maxLength: 64, description: 'a non-negative decimal, at most 18 fractional digits' } as const;
const calculationAnswer = {
  type: 'object',
  properties: { inputs: { type: 'object', additionalProperties: { type: 'string' } }, formula: { type: 'string' }, result: { type: 'string' } },
} as const;

/** The field `name` of the body as a decimal (its default when absent), or a 400 naming it. */
function input(body: Body, name: string, settings: { positive?: boolean; allowPercent?: boolean; fallback?: string } = {}): Dec {
  const text = body[name] ?? settings.fallback;
  if (typeof text !== 'string') throw new HttpError(400, 'invalid_input', `${name} is required`, { field: name });
  const parsed = parseDecimalInput(name, text, { positive: settings.positive ?? true, ...(settings.allowPercent === true ? { allowPercent: true } : {}) });
  if (!parsed.ok) throw new HttpError(400, 'invalid_input', parsed.error.message, { field: name });
  return parsed.value;
}

function calcRoute(app: FastifyInstance, name: string, summary: string, fields: readonly string[], required: readonly string[], compute: (body: Body) => Calculation): void {
  app.post(
    `/v1/query/calc/${name}`,
    {
      schema: {
        summary,
        tags: ['ledger'],
        body: { type: 'object', properties: Object.fromEntries(fields.map((field) => [field, decimalText])), required, additionalProperties: false },
        response: { 200: calculationAnswer, '4xx': errorAnswer, '5xx': errorAnswer },
      },
    },
    async (request) => compute((request.body ?? {}) as Body),
  );
}

export function registerCalcRoutes(app: FastifyInstance): void {
  calcRoute(
    app,
    'relays-per-pokt',
    'relays per staked POKT per session for a USD relay target (BaseRelaysPerPOKT = 100 × result)',
    ['pokt_price_usd', 'usd_relay_target', 'roi_months', 'sessions_per_day', 'days_per_month'],
    ['pokt_price_usd', 'usd_relay_target', 'roi_months'],
    (body) =>
      relaysPerPokt({
        poktPriceUsd: input(body, 'pokt_price_usd', { positive: false }),
        usdRelayTarget: input(body, 'usd_relay_target'),
        roiMonths: input(body, 'roi_months'),
        sessionsPerDay: input(body, 'sessions_per_day', { fallback: DEFAULT_SESSIONS_PER_DAY }),
        daysPerMonth: input(body, 'days_per_month', { fallback: DEFAULT_DAYS_PER_MONTH }),
      }),
  );
  calcRoute(app, 'required-stake', 'POKT an application must stake for a daily relay budget', ['daily_relays', 'relays_per_pokt', 'sessions_per_day'], ['daily_relays', 'relays_per_pokt'], (body) =>
    requiredStake({
      dailyRelays: input(body, 'daily_relays', { positive: false }),
      relaysPerPokt: input(body, 'relays_per_pokt'),
      sessionsPerDay: input(body, 'sessions_per_day', { fallback: DEFAULT_SESSIONS_PER_DAY }),
    }),
  );
  calcRoute(app, 'mint-rate', 'RelaysToTokensMultiplier for an annual inflation target (uPOKT per relay)', ['supply_baseline_pokt', 'inflation_rate', 'daily_relays'], ['supply_baseline_pokt', 'inflation_rate', 'daily_relays'], (body) =>
    mintRate({
      supplyBaselinePokt: input(body, 'supply_baseline_pokt', { positive: false }),
      inflationRate: input(body, 'inflation_rate', { positive: false, allowPercent: true }),
      dailyRelays: input(body, 'daily_relays'),
    }),
  );
  calcRoute(app, 'emission', 'RelaysToTokensMultiplier for a daily emission target (uPOKT per relay)', ['target_pokt_per_day', 'daily_relays'], ['target_pokt_per_day', 'daily_relays'], (body) =>
    emissionRate({ targetPoktPerDay: input(body, 'target_pokt_per_day', { positive: false }), dailyRelays: input(body, 'daily_relays') }),
  );
}
