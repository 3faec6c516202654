/**
 * A small validating reader over a parsed (lossless) JSON tree: each accessor records a problem
 * with its JSON path instead of throwing, so one pass reports everything that is wrong.
 */
import { isLosslessNumber } from 'lossless-json';
import { parseAddress, parsePublicKeyHex } from '../core/types.js';
const CANONICAL_UNSIGNED = /^(0|[1-9][0-9]*)$/;
export class JsonReader {
    problems = [];
    fail(path, message) {
        this.problems.push({ path, message });
        return undefined;
    }
    object(node, path) {
        if (typeof node === 'object' && node !== null && !Array.isArray(node) && !isLosslessNumber(node))
            return node;
        return this.fail(path, `expected an object, got ${kindOf(node)}`);
    }
    /** A required field of an object. */
    field(object, name, path) {
        if (!Object.prototype.hasOwnProperty.call(object, name)) {
            this.fail(`${path}.${name}`, 'missing');
            return undefined;
        }
        return object[name];
    }
    array(node, path, { nullable = false } = {}) {
        if (nullable && node === null)
            return [];
        if (Array.isArray(node))
            return node;
        return this.fail(path, `expected a list, got ${kindOf(node)}`);
    }
    string(node, path) {
        return typeof node === 'string' ? node : this.fail(path, `expected a string, got ${kindOf(node)}`);
    }
    boolean(node, path) {
        return typeof node === 'boolean' ? node : this.fail(path, `expected true or false, got ${kindOf(node)}`);
    }
    /** A non-negative amount written as a canonical decimal string (amino JSON BigInt). */
    amount(node, path) {
        if (typeof node !== 'string')
            return this.fail(path, `expected an amount as a decimal string, got ${kindOf(node)}`);
        if (node.startsWith('-'))
            return this.fail(path, `negative amount ${node}`);
        if (!CANONICAL_UNSIGNED.test(node))
            return this.fail(path, `not a canonical non-negative integer: ${JSON.stringify(node)}`);
        const value = BigInt(node);
        if (value >= 1n << 255n)
            return this.fail(path, `amount exceeds 255 bits`);
        return value;
    }
    /** A small non-negative integer given as a JSON number (e.g. `status`). */
    smallInteger(node, path) {
        if (isLosslessNumber(node) && /^(0|[1-9][0-9]{0,8})$/.test(node.toString()))
            return Number(node.toString());
        return this.fail(path, `expected a small non-negative integer, got ${kindOf(node)}`);
    }
    address(node, path) {
        const text = this.string(node, path);
        if (text === undefined)
            return undefined;
        return parseAddress(text) ?? this.fail(path, `not a 20-byte hex address: ${JSON.stringify(text)}`);
    }
    publicKey(node, path) {
        const text = this.string(node, path);
        if (text === undefined)
            return undefined;
        return parsePublicKeyHex(text) ?? this.fail(path, `not a 32-byte hex ed25519 public key: ${JSON.stringify(text)}`);
    }
}
export function kindOf(node) {
    if (node === null)
        return 'null';
    if (node === undefined)
        return 'nothing';
    if (isLosslessNumber(node))
        return `number ${node.toString()}`;
    if (Array.isArray(node))
        return 'a list';
    if (typeof node === 'string')
        return `string ${JSON.stringify(node.length > 40 ? node.slice(0, 40) + '…' : node)}`;
    return typeof node;
}
//# sourceMappingURL=reader.js.map