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
import { err, ok } from '../core/result.js';
import { MAX_INT64, MAX_UINT64, MIN_INT64, parseAddress } from '../core/types.js';
const DECIMAL = /^-?(0|[1-9][0-9]*)$/;
const CHAIN = /^(?:[0-9a-fA-F]{2}){1,4}$/;
/** A JSON string holding a canonical base-10 integer within [min, max]. */
function parseIntegerString(node, min, max, what) {
    if (typeof node !== 'string')
        return err(`${what} must be a JSON string holding an integer (amino JSON), got ${describe(node)}`);
    if (!DECIMAL.test(node))
        return err(`${what} ${JSON.stringify(node)} is not a canonical base-10 integer`);
    const value = BigInt(node);
    if (value < min || value > max)
        return err(`${what} ${node} is out of range [${min}, ${max}]`);
    return ok(value);
}
function describe(node) {
    if (node === null)
        return 'null';
    if (isLosslessNumber(node))
        return `number ${node.toString()}`;
    if (Array.isArray(node))
        return 'array';
    return typeof node;
}
function isRecord(node) {
    return typeof node === 'object' && node !== null && !Array.isArray(node) && !isLosslessNumber(node);
}
/** Canonical relay-chain id: 1–4 bytes of hex, upper-case (see PROTOCOL §12.2 item 11). */
export function canonicalChainId(text) {
    return CHAIN.test(text) ? text.toUpperCase() : undefined;
}
function parseFeeMultipliers(node) {
    if (!isRecord(node))
        return err(`fee multipliers must be an object, got ${describe(node)}`);
    const list = node['fee_multiplier'] ?? null;
    if (list !== null && !Array.isArray(list))
        return err('fee_multiplier must be a list or null');
    const overrides = [];
    for (const [index, entry] of (list ?? []).entries()) {
        if (!isRecord(entry) || typeof entry['key'] !== 'string')
            return err(`fee_multiplier[${index}] must be {key, multiplier}`);
        const multiplier = parseIntegerString(entry['multiplier'], 0n, MAX_INT64, `fee_multiplier[${index}].multiplier`);
        if (!multiplier.ok)
            return multiplier;
        overrides.push({ key: entry['key'], multiplier: multiplier.value });
    }
    const fallback = parseIntegerString(node['default'], 0n, MAX_INT64, 'fee_multipliers.default');
    if (!fallback.ok)
        return fallback;
    return ok({ overrides, default: fallback.value });
}
function parseAcl(node) {
    // The ACL's amino JSON is wrapped ({"type":"gov/non_map_acl","value":[...]}) in params
    // queries and ParamChange values; genesis writes the bare list. Accept both.
    const list = isRecord(node) && node['type'] === 'gov/non_map_acl' ? node['value'] : node;
    if (!Array.isArray(list))
        return err(`acl must be a list of {acl_key, address}, got ${describe(list)}`);
    const entries = [];
    const seen = new Set();
    for (const [index, entry] of list.entries()) {
        if (!isRecord(entry) || typeof entry['acl_key'] !== 'string' || typeof entry['address'] !== 'string') {
            return err(`acl[${index}] must be {acl_key, address}`);
        }
        const address = parseAddress(entry['address']);
        if (address === undefined)
            return err(`acl[${index}].address ${JSON.stringify(entry['address'])} is not a 20-byte hex address`);
        if (seen.has(entry['acl_key']))
            return err(`acl[${index}]: duplicate acl_key ${entry['acl_key']}`);
        seen.add(entry['acl_key']);
        entries.push({ key: entry['acl_key'], address });
    }
    return ok(entries);
}
function parseUpgrade(node) {
    const value = isRecord(node) && node['type'] === 'gov/upgrade' ? node['value'] : node;
    if (!isRecord(value))
        return err(`upgrade must be an object, got ${describe(value)}`);
    const height = parseIntegerString(value['Height'], 0n, MAX_INT64, 'upgrade.Height');
    if (!height.ok)
        return height;
    if (typeof value['Version'] !== 'string')
        return err('upgrade.Version must be a string');
    const old = value['OldUpgradeHeight'] === undefined ? ok(0n) : parseIntegerString(value['OldUpgradeHeight'], 0n, MAX_INT64, 'upgrade.OldUpgradeHeight');
    if (!old.ok)
        return old;
    const featuresNode = value['Features'] ?? [];
    if (!Array.isArray(featuresNode) || !featuresNode.every((f) => typeof f === 'string'))
        return err('upgrade.Features must be a list of "KEY:height" strings');
    for (const feature of featuresNode) {
        if (!/^[A-Za-z0-9_.]+:\d+$/.test(feature))
            return err(`upgrade feature ${JSON.stringify(feature)} is not "KEY:height"`);
    }
    return ok({ height: height.value, version: value['Version'], oldUpgradeHeight: old.value, features: featuresNode });
}
/** Parse one parameter value from its (lossless-)JSON form. */
export function parseParamValue(kind, node) {
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
            if (!Array.isArray(node))
                return err(`expected a list of chain ids, got ${describe(node)}`);
            const chains = [];
            for (const item of node) {
                const chain = typeof item === 'string' ? canonicalChainId(item) : undefined;
                if (chain === undefined)
                    return err(`chain id ${JSON.stringify(item)} is not 1–4 bytes of hex`);
                chains.push(chain);
            }
            return ok(chains);
        }
        case 'int64Map': {
            if (!isRecord(node))
                return err(`expected an object of chain → integer string, got ${describe(node)}`);
            const map = {};
            for (const key of Object.keys(node).sort()) {
                const chain = canonicalChainId(key);
                if (chain === undefined)
                    return err(`map key ${JSON.stringify(key)} is not a chain id`);
                const value = parseIntegerString(node[key], 0n, MAX_INT64, `map value for ${key}`);
                if (!value.ok)
                    return value;
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
/** The amino-JSON-compatible form of a value (for allparams-style output and snapshots). */
export function paramValueToJson(kind, value) {
    switch (kind) {
        case 'int64':
        case 'uint64':
        case 'duration':
            return value.toString();
        case 'dec':
            return value.toString();
        case 'bool':
        case 'string':
        case 'address':
            return value;
        case 'chains':
            return [...value];
        case 'int64Map': {
            const map = value;
            return Object.fromEntries(Object.keys(map).sort().map((key) => [key, map[key].toString()]));
        }
        case 'feeMultipliers': {
            const fees = value;
            return {
                fee_multiplier: fees.overrides.length === 0 ? null : fees.overrides.map((o) => ({ key: o.key, multiplier: o.multiplier.toString() })),
                default: fees.default.toString(),
            };
        }
        case 'acl':
            return value.map((entry) => ({ acl_key: entry.key, address: entry.address }));
        case 'upgrade': {
            const upgrade = value;
            return {
                Height: upgrade.height.toString(),
                Version: upgrade.version,
                ...(upgrade.oldUpgradeHeight === 0n ? {} : { OldUpgradeHeight: upgrade.oldUpgradeHeight.toString() }),
                ...(upgrade.features.length === 0 ? {} : { Features: [...upgrade.features] }),
            };
        }
    }
}
//# sourceMappingURL=kinds.js.map