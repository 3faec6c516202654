/**
 * Parameter value kinds and their amino-JSON form.
 *
 * pocket-core stores every governance parameter as the amino-JSON of its typed value
 * (types/param.go:227-263): 64-bit integers, decimals and durations are JSON *strings*
 * ("5000", "0.600000000000000000", "3600000000000"), booleans are JSON booleans, lists and
 * structs are JSON arrays/objects. Genesis files and ParamChange values use the same form, so
 * one parser serves both. Unlike pocket-core (which silently ignores undecodable values on
 * ParamChange, §12.2 item 10) we reject them with a reason.
 */
import { isLosslessNumber } from 'lossless-json';
import { Dec } from '../core/bigdec.js';
import type { JsonValue } from '../core/json.js';
import { err, ok, type Result } from '../core/result.js';
import { MAX_INT64, MAX_UINT64, MIN_INT64, parseAddress, type Address } from '../core/types.js';

export type ParamKind =
  | 'int64'
  | 'uint64'
  | 'bool'
  | 'string'
  | 'dec'
  | 'duration'
  | 'chains'
  | 'int64Map'
  | 'feeMultipliers'
  | 'acl'
  | 'address'
  | 'upgrade';

export interface FeeMultipliers {
  /** Per message type (msg.Type(), e.g. "send") multiplier of the 10,000 uPOKT base fee. */
  readonly overrides: ReadonlyArray<{ readonly key: string; readonly multiplier: bigint }>;
  readonly default: bigint;
}

export interface AclEntry {
  readonly key: string;
  readonly address: Address;
}

export interface Upgrade {
  readonly height: bigint;
  readonly version: string;
  readonly oldUpgradeHeight: bigint;
  /** "KEY:height" entries, sorted and unique (codec/codec.go:344-387). */
  readonly features: readonly string[];
}

export type ParamValue =
  | bigint
  | boolean
  | string
  | Dec
  | readonly string[]
  | Readonly<Record<string, bigint>>
  | FeeMultipliers
  | readonly AclEntry[]
  | Upgrade;

const DECIMAL = /^-?(0|[1-9][0-9]*)$/;
const CHAIN = /^(?:[0-9a-fA-F]{2}){1,4}$/;

/** A JSON string holding a canonical base-10 integer within [min, max]. */
function parseIntegerString(node: unknown, min: bigint, max: bigint, what: string): Result<bigint, string> {
  if (typeof node !== 'string') return err(`${what} must be a JSON string holding an integer (amino JSON), got ${describe(node)}`);
  if (!DECIMAL.test(node)) return err(`${what} ${JSON.stringify(node)} is not a canonical base-10 integer`);
  const value = BigInt(node);
  if (value < min || value > max) return err(`${what} ${node} is out of range [${min}, ${max}]`);
  return ok(value);
}

function describe(node: unknown): string {
  if (node === null) return 'null';
  if (isLosslessNumber(node)) return `number ${node.toString()}`;
  if (Array.isArray(node)) return 'array';
  return typeof node;
}

function isRecord(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && !isLosslessNumber(node);
}

/** Canonical relay-chain id: 1–4 bytes of hex, upper-case (see PROTOCOL §12.2 item 11). */
export function canonicalChainId(text: string): string | undefined {
  return CHAIN.test(text) ? text.toUpperCase() : undefined;
}

function parseFeeMultipliers(node: unknown): Result<FeeMultipliers, string> {
  if (!isRecord(node)) return err(`fee multipliers must be an object, got ${describe(node)}`);
  const list = node['fee_multiplier'] ?? null;
  if (list !== null && !Array.isArray(list)) return err('fee_multiplier must be a list or null');
  const overrides: Array<{ key: string; multiplier: bigint }> = [];
  for (const [index, entry] of (list ?? []).entries()) {
    if (!isRecord(entry) || typeof entry['key'] !== 'string') return err(`fee_multiplier[${index}] must be {key, multiplier}`);
    const multiplier = parseIntegerString(entry['multiplier'], 0n, MAX_INT64, `fee_multiplier[${index}].multiplier`);
    if (!multiplier.ok) return multiplier;
    overrides.push({ key: entry['key'], multiplier: multiplier.value });
  }
  const fallback = parseIntegerString(node['default'], 0n, MAX_INT64, 'fee_multipliers.default');
  if (!fallback.ok) return fallback;
  return ok({ overrides, default: fallback.value });
}

function parseAcl(node: unknown): Result<readonly AclEntry[], string> {
  // The ACL's amino JSON is wrapped ({"type":"gov/non_map_acl","value":[...]}) in params
  // queries and ParamChange values; genesis writes the bare list. Accept both (a ParamChange
  // value must be wrapped: modules/gov/param-value.ts decodeParamValue checks that first).
  const list = isRecord(node) && node['type'] === 'gov/non_map_acl' ? node['value'] : node;
  if (!Array.isArray(list)) return err(`acl must be a list of {acl_key, address}, got ${describe(list)}`);
  const entries: AclEntry[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of list.entries()) {
    if (!isRecord(entry) || typeof entry['acl_key'] !== 'string' || typeof entry['address'] !== 'string') {
      return err(`acl[${index}] must be {acl_key, address}`);
    }
    const address = parseAddress(entry['address']);
    if (address === undefined) return err(`acl[${index}].address ${JSON.stringify(entry['address'])} is not a 20-byte hex address`);
    if (seen.has(entry['acl_key'])) return err(`acl[${index}]: duplicate acl_key ${entry['acl_key']}`);
    seen.add(entry['acl_key']);
    entries.push({ key: entry['acl_key'], address });
  }
  return ok(entries);
}

function parseUpgrade(node: unknown): Result<Upgrade, string> {
  const value = isRecord(node) && node['type'] === 'gov/upgrade' ? node['value'] : node;
  if (!isRecord(value)) return err(`upgrade must be an object, got ${describe(value)}`);
  const height = parseIntegerString(value['Height'], 0n, MAX_INT64, 'upgrade.Height');
  if (!height.ok) return height;
  if (typeof value['Version'] !== 'string') return err('upgrade.Version must be a string');
  const old = value['OldUpgradeHeight'] === undefined ? ok(0n) : parseIntegerString(value['OldUpgradeHeight'], 0n, MAX_INT64, 'upgrade.OldUpgradeHeight');
  if (!old.ok) return old;
  const featuresNode = value['Features'] ?? [];
  if (!Array.isArray(featuresNode) || !featuresNode.every((f): f is string => typeof f === 'string')) return err('upgrade.Features must be a list of "KEY:height" strings');
  for (const feature of featuresNode) {
    if (!/^[A-Za-z0-9_.]+:\d+$/.test(feature)) return err(`upgrade feature ${JSON.stringify(feature)} is not "KEY:height"`);
  }
  return ok({ height: height.value, version: value['Version'], oldUpgradeHeight: old.value, features: featuresNode });
}

/** Parse one parameter value from its (lossless-)JSON form. */
export function parseParamValue(kind: ParamKind, node: unknown): Result<ParamValue, string> {
  switch (kind) {
    case 'int64':
      return parseIntegerString(node, MIN_INT64, MAX_INT64, 'int64 value');
    case 'uint64':
      return parseIntegerString(node, 0n, MAX_UINT64, 'uint64 value');
    case 'duration':
      return parseIntegerString(node, 0n, MAX_INT64, 'duration (ns)');
    case 'bool':
      return typeof node === 'boolean' ? ok(node) : err(`expected a JSON boolean, got ${describe(node)}`);
    case 'string':
      return typeof node === 'string' ? ok(node) : err(`expected a JSON string, got ${describe(node)}`);
    case 'address': {
      const address = typeof node === 'string' ? parseAddress(node) : undefined;
      return address === undefined ? err(`expected a 20-byte hex address, got ${describe(node)}`) : ok(address);
    }
    case 'dec': {
      const dec = typeof node === 'string' ? Dec.fromString(node) : undefined;
      return dec === undefined ? err(`expected a decimal string with at most 18 fractional digits, got ${describe(node)}`) : ok(dec);
    }
    case 'chains': {
      if (!Array.isArray(node)) return err(`expected a list of chain ids, got ${describe(node)}`);
      const chains: string[] = [];
      for (const item of node) {
        const chain = typeof item === 'string' ? canonicalChainId(item) : undefined;
        if (chain === undefined) return err(`chain id ${JSON.stringify(item)} is not 1–4 bytes of hex`);
        chains.push(chain);
      }
      return ok(chains);
    }
    case 'int64Map': {
      if (!isRecord(node)) return err(`expected an object of chain → integer string, got ${describe(node)}`);
      const map: Record<string, bigint> = {};
      for (const key of Object.keys(node).sort()) {
        const chain = canonicalChainId(key);
        if (chain === undefined) return err(`map key ${JSON.stringify(key)} is not a chain id`);
        const value = parseIntegerString(node[key], 0n, MAX_INT64, `map value for ${key}`);
        if (!value.ok) return value;
        map[chain] = value.value;
      }
      return ok(map);
    }
    case 'feeMultipliers':
      return parseFeeMultipliers(node);
    case 'acl':
      return parseAcl(node);
    case 'upgrade':
      return parseUpgrade(node);
  }
}

/** A parameter value in its amino-JSON form (what paramValueToJson writes, parseParamValue reads). */
export type ParamJson = JsonValue;

/** The amino-JSON-compatible form of a value (for allparams-style output and snapshots). */
export function paramValueToJson(kind: ParamKind, value: ParamValue): ParamJson {
  switch (kind) {
    case 'int64':
    case 'uint64':
    case 'duration':
      return (value as bigint).toString();
    case 'dec':
      return (value as Dec).toString();
    case 'bool':
    case 'string':
    case 'address':
      return value as boolean | string;
    case 'chains':
      return [...(value as readonly string[])];
    case 'int64Map': {
      const map = value as Readonly<Record<string, bigint>>;
      return Object.fromEntries(Object.keys(map).sort().map((key) => [key, map[key]!.toString()]));
    }
    case 'feeMultipliers': {
      const fees = value as FeeMultipliers;
      return {
        fee_multiplier: fees.overrides.length === 0 ? null : fees.overrides.map((o) => ({ key: o.key, multiplier: o.multiplier.toString() })),
        default: fees.default.toString(),
      };
    }
    case 'acl':
      return (value as readonly AclEntry[]).map((entry) => ({ acl_key: entry.key, address: entry.address }));
    case 'upgrade': {
      const upgrade = value as Upgrade;
      return {
        Height: upgrade.height.toString(),
        Version: upgrade.version,
        ...(upgrade.oldUpgradeHeight === 0n ? {} : { OldUpgradeHeight: upgrade.oldUpgradeHeight.toString() }),
        ...(upgrade.features.length === 0 ? {} : { Features: [...upgrade.features] }),
      };
    }
  }
}
