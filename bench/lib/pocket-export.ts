/**
 * A pocket-core-shaped export (`pocket util export-genesis-for-reset`, genesis/export.ts) grown to
 * mainnet's size: the import benchmark's workload (bench/import.ts, cached by
 * bench/lib/import-genesis.ts). Pure: a base export (the ledger's own export of a simulated chain,
 * without its `pokt_ledger` section, so a file pocket-core could have written) and a seeded PRNG
 * in, a bigger export out.
 *
 * Added, each in the exporter's own JSON shape, so the file stays one the importer accepts:
 *   - `accounts` accounts (posmint/Account) with coins and an ed25519 public key, address =
 *     SHA-256(key)[:20] (the parser derives it again); balances log-uniform over 1 upokt … 1M POKT,
 *     as mainnet's many small and few large holders;
 *   - `validators` staked validators (`chainsPerValidator` relay chains each, tokens between the
 *     stake minimum and 4× it, ~3% jailed, half with an output address) with their signing infos;
 *   - the staked pool's module account raised by their tokens and the supply by every coin added
 *     (the parser checks both: parse.ts checkExportedPools), and the validator set after H
 *     (`prevState_validator_powers`) recomputed over all validators by the ledger's own rule, in
 *     the address order pocket-core writes it.
 * Accounts and validators are merged in address order, as pocket-core's store iterates them. The
 * keys are random bytes, not keys anyone holds: the import never verifies with them.
 */
import { createHash } from 'node:crypto';
import type { Prng } from '../../src/core/prng.js';
import { SORT_JSON_INDENT, sortedJsonText } from '../../src/core/json.js';
import { formatRfc3339Ns, GO_ZERO_TIME, parseRfc3339Ns } from '../../src/core/time.js';
import { computeValidatorSet, StakeStatus, type Validator } from '../../src/modules/nodes/index.js';

export interface ExportGrowth {
  readonly accounts: number;
  readonly validators: number;
  readonly chainsPerValidator: number;
}

/** What was added, for the benchmark's own checks. */
export interface GrownExport {
  readonly doc: Record<string, unknown>;
  /** posmint/Account entries in the file (base + added; module accounts not counted). */
  readonly accounts: number;
  readonly validators: number;
}

type Json = Record<string, unknown>;

/** Relay chains used when the base stakes too few (mainnet's most served ids). */
const FALLBACK_CHAINS = ['0001', '0003', '0004', '0005', '0006', '0009', '000C', '0021', '0022', '0023', '0025', '0026', '0027', '0028', '0040', '0044', '0047', '0049'];

const MAX_BALANCE_DIGITS = 12; // 1,000,000 POKT = 10^12 upokt

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const addressOf = (publicKey: Uint8Array): string => createHash('sha256').update(publicKey).digest('hex').slice(0, 40);
const coins = (amount: bigint): Json[] => (amount === 0n ? [] : [{ amount: amount.toString(), denom: 'upokt' }]);

function appState(doc: Json): Record<string, Json> {
  return doc['app_state'] as Record<string, Json>;
}

/** `base` is not changed; the result shares its untouched parts. */
export function growExport(base: Json, prng: Prng, growth: ExportGrowth): GrownExport {
  const state = appState(base);
  const pos = state['pos']!;
  const auth = state['auth']!;
  const params = pos['params'] as Json;
  const height = Number(base['initial_height']) - 1;
  const genesisTimeNs = parseRfc3339Ns(String(base['genesis_time'])) ?? 0n;
  const taken = new Set<string>([...(auth['accounts'] as Json[]).map(accountAddress), ...(pos['validators'] as Json[]).map((v) => String(v['address']))]);

  const accounts = Array.from({ length: growth.accounts }, () => newAccount(prng, taken));
  const chains = relayChains(pos['validators'] as Json[], growth.chainsPerValidator);
  const stakeMinimum = BigInt(String(params['stake_minimum']));
  const validators = Array.from({ length: growth.validators }, () => newValidator(prng, taken, { chains, perValidator: growth.chainsPerValidator, stakeMinimum, height, genesisTimeNs }));

  const addedBalances = accounts.reduce((sum, a) => sum + a.balance, 0n);
  const addedStake = validators.reduce((sum, v) => sum + v.tokens, 0n);
  const allValidators = byAddress([...(pos['validators'] as Json[]), ...validators.map((v) => v.json)], (v) => String(v['address']));
  const powers = validatorPowers(allValidators, BigInt(String(params['max_validators'])));
  const allAccounts = byAddress([...(auth['accounts'] as Json[]).map((a) => raisePool(a, addedStake)), ...accounts.map((a) => a.json)], accountAddress);
  const supply = BigInt(String((auth['supply'] as Json[])[0]?.['amount'] ?? '0')) + addedBalances + addedStake;

  const doc: Json = {
    ...base,
    app_state: {
      ...state,
      auth: { ...auth, accounts: allAccounts, supply: coins(supply) },
      pos: {
        ...pos,
        validators: allValidators,
        signing_infos: { ...(pos['signing_infos'] as Json), ...Object.fromEntries(validators.map((v) => [v.json['address'], v.signingInfo])) },
        prevState_validator_powers: powers.length === 0 ? null : powers,
        prevState_total_power: powers.reduce((sum, p) => sum + BigInt(p.Power), 0n).toString(),
      },
    },
  };
  const plainAccounts = allAccounts.filter((a) => a['type'] === 'posmint/Account').length;
  return { doc, accounts: plainAccounts, validators: allValidators.length };
}

/**
 * The ledger's export (genesis/export.ts) as pocket-core would have written it: without the
 * `pokt_ledger` section. Where feature BLOCK is not yet active at H its `max_bytes` is "0", which
 * only that section could replace (parse.ts readBlockMaxBytes), so the limit the section carries
 * is written there, as a Tendermint genesis would hold it; `initial_height` is kept, so that the
 * import needs no `--exported-height`.
 */
export function pocketCoreShape(exported: Json): Json {
  const { pokt_ledger: extension, ...pocketCore } = exported as { pokt_ledger?: { block_max_bytes?: string } } & Json;
  const consensus = pocketCore['consensus_params'] as { block: Json };
  const blockMaxBytes = extension?.block_max_bytes;
  if (consensus.block['max_bytes'] !== '0' || blockMaxBytes === undefined) return pocketCore;
  return { ...pocketCore, consensus_params: { ...consensus, block: { ...consensus.block, max_bytes: blockMaxBytes } } };
}

/** The text as pocket-core's SortJSON writes it: keys sorted, four spaces a level, one newline at the end. */
export function exportText(doc: Json): string {
  return sortedJsonText(doc, SORT_JSON_INDENT) + '\n';
}

function accountAddress(account: Json): string {
  const value = account['value'] as Json;
  const base = (value['BaseAccount'] as Json | undefined) ?? value;
  return String(base['address']);
}

/** A fresh key whose address is not yet in the file (a collision of 160-bit hashes would be refused as a duplicate). */
function freshKey(prng: Prng, taken: Set<string>): { publicKey: Uint8Array; address: string } {
  for (;;) {
    const publicKey = prng.bytes(32);
    const address = addressOf(publicKey);
    if (taken.has(address)) continue;
    taken.add(address);
    return { publicKey, address };
  }
}

function newAccount(prng: Prng, taken: Set<string>): { json: Json; balance: bigint } {
  const { publicKey, address } = freshKey(prng, taken);
  const balance = BigInt(Math.floor(10 ** (prng.float() * MAX_BALANCE_DIGITS))) + 1n;
  const json = { type: 'posmint/Account', value: { address, coins: coins(balance), public_key: { type: 'crypto/ed25519_public_key', value: hex(publicKey) } } };
  return { json, balance };
}

interface ValidatorShape {
  readonly chains: readonly string[];
  readonly perValidator: number;
  readonly stakeMinimum: bigint;
  readonly height: number;
  readonly genesisTimeNs: bigint;
}

const JAILED_SHARE = 0.03;
const JAIL_NS = 3_600n * 1_000_000_000n;

function newValidator(prng: Prng, taken: Set<string>, shape: ValidatorShape): { json: Json; signingInfo: Json; tokens: bigint } {
  const { publicKey, address } = freshKey(prng, taken);
  const tokens = shape.stakeMinimum + prng.bigint(3n * shape.stakeMinimum + 1n);
  const jailed = prng.chance(JAILED_SHARE);
  const outputAddress = prng.chance(0.5) ? addressOf(prng.bytes(32)) : '';
  const json = {
    address,
    public_key: hex(publicKey),
    jailed,
    status: StakeStatus.Staked,
    chains: pick(prng, shape.chains, shape.perValidator),
    service_url: `https://node-${address.slice(0, 8)}.example.net:443`,
    tokens: tokens.toString(),
    unstaking_time: GO_ZERO_TIME,
    output_address: outputAddress,
    reward_delegators: null,
  };
  const signingInfo = {
    address,
    start_height: String(prng.int(shape.height + 1)),
    index_offset: String(prng.int(shape.height + 1)),
    jailed_until: jailed ? formatRfc3339Ns(shape.genesisTimeNs + JAIL_NS) : GO_ZERO_TIME,
    missed_blocks_counter: String(jailed ? prng.int(shape.height + 1) : 0),
    jailed_blocks_counter: '0',
  };
  return { json, signingInfo, tokens };
}

/** The relay chains the base's validators stake for (at least `perValidator` of them), sorted. */
function relayChains(baseValidators: readonly Json[], perValidator: number): string[] {
  const seen = new Set<string>(baseValidators.flatMap((v) => (v['chains'] as string[] | null) ?? []));
  for (const chain of FALLBACK_CHAINS) if (seen.size < perValidator) seen.add(chain);
  return [...seen].sort();
}

/** `count` distinct items, in the list's order (a partial Fisher–Yates shuffle of the indexes). */
function pick(prng: Prng, items: readonly string[], count: number): string[] {
  const indexes = items.map((_, i) => i);
  for (let i = 0; i < count; i++) {
    const j = i + prng.int(indexes.length - i);
    [indexes[i], indexes[j]] = [indexes[j]!, indexes[i]!];
  }
  return indexes
    .slice(0, count)
    .sort((a, b) => a - b)
    .map((i) => items[i]!);
}

/** The staked pool's module account holds every validator's tokens: raised by the added stake. */
function raisePool(account: Json, addedStake: bigint): Json {
  const value = account['value'] as Json;
  if (account['type'] !== 'posmint/ModuleAccount' || value['name'] !== 'staked_tokens_pool') return account;
  const base = value['BaseAccount'] as Json;
  const held = ((base['coins'] as Json[] | null) ?? []).reduce((sum, c) => sum + BigInt(String(c['amount'])), 0n);
  return { ...account, value: { ...value, BaseAccount: { ...base, coins: coins(held + addedStake) } } };
}

/**
 * The set after H over every validator, by the ledger's rule (computeValidatorSet: staked, not
 * jailed, power = tokens / 10^6, the top max_validators), in address order as pocket-core writes it.
 */
function validatorPowers(validators: readonly Json[], maxValidators: bigint): Array<{ Address: string; Power: string }> {
  // computeValidatorSet reads the address, status, jailed flag and tokens only.
  const records = validators.map((v) => ({ address: v['address'], status: v['status'], jailed: v['jailed'], tokensUpokt: BigInt(String(v['tokens'])) }) as unknown as Validator);
  return byAddress(computeValidatorSet(records, maxValidators), (m) => m.address).map((m) => ({ Address: m.address, Power: m.power.toString() }));
}

function byAddress<T>(items: readonly T[], address: (item: T) => string): T[] {
  return items
    .map((item) => ({ item, key: address(item) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item);
}
