/**
 * A small validating reader over a parsed (lossless) JSON tree: each accessor records a problem
 * with its JSON path instead of throwing, so one pass reports everything that is wrong.
 */
import { isLosslessNumber } from 'lossless-json';
import { parseAddress, parsePublicKeyHex, type Address, type PublicKeyHex } from '../core/types.js';
import type { GenesisProblem } from './types.js';

const CANONICAL_UNSIGNED = /^(0|[1-9][0-9]*)$/;
const CANONICAL_SIGNED = /^(0|-?[1-9][0-9]*)$/;

export class JsonReader {
  readonly problems: GenesisProblem[] = [];

  fail(path: string, message: string): undefined {
    // A missing field's type check follows its `missing` at once ("expected a string, got
    // nothing"): the field is named once.
    const last = this.problems[this.problems.length - 1];
    if (last?.path === path && last.message === 'missing') return undefined;
    this.problems.push({ path: clipped(path), message: clipped(message) });
    return undefined;
  }

  object(node: unknown, path: string): Record<string, unknown> | undefined {
    if (typeof node === 'object' && node !== null && !Array.isArray(node) && !isLosslessNumber(node)) return node as Record<string, unknown>;
    return this.fail(path, `expected an object, got ${kindOf(node)}`);
  }

  /** A required field of an object. */
  field(object: Record<string, unknown>, name: string, path: string): unknown {
    if (!Object.prototype.hasOwnProperty.call(object, name)) {
      this.fail(`${path}.${name}`, 'missing');
      return undefined;
    }
    return object[name];
  }

  array(node: unknown, path: string, { nullable = false } = {}): unknown[] | undefined {
    if (nullable && node === null) return [];
    if (Array.isArray(node)) return node;
    return this.fail(path, `expected a list, got ${kindOf(node)}`);
  }

  string(node: unknown, path: string): string | undefined {
    return typeof node === 'string' ? node : this.fail(path, `expected a string, got ${kindOf(node)}`);
  }

  boolean(node: unknown, path: string): boolean | undefined {
    return typeof node === 'boolean' ? node : this.fail(path, `expected true or false, got ${kindOf(node)}`);
  }

  /** A non-negative amount written as a canonical decimal string (amino JSON BigInt). */
  amount(node: unknown, path: string): bigint | undefined {
    if (typeof node !== 'string') return this.fail(path, `expected an amount as a decimal string, got ${kindOf(node)}`);
    if (node.startsWith('-')) return this.fail(path, `negative amount ${node}`);
    if (!CANONICAL_UNSIGNED.test(node)) return this.fail(path, `not a canonical non-negative integer: ${JSON.stringify(node)}`);
    const value = BigInt(node);
    if (value >= 1n << 255n) return this.fail(path, `amount exceeds 255 bits`);
    return value;
  }

  /** A signed int64 (Go's int64: amino JSON writes it as a decimal string; a plain number is read too). */
  int64(node: unknown, path: string): bigint | undefined {
    const text = typeof node === 'string' ? node : isLosslessNumber(node) ? node.toString() : undefined;
    if (text === undefined || !CANONICAL_SIGNED.test(text)) return this.fail(path, `expected an int64 as a decimal string, got ${kindOf(node)}`);
    const value = BigInt(text);
    if (value < -(1n << 63n) || value >= 1n << 63n) return this.fail(path, `${text} is outside int64`);
    return value;
  }

  /** A small non-negative integer given as a JSON number (e.g. `status`). */
  smallInteger(node: unknown, path: string): number | undefined {
    if (isLosslessNumber(node) && /^(0|[1-9][0-9]{0,8})$/.test(node.toString())) return Number(node.toString());
    return this.fail(path, `expected a small non-negative integer, got ${kindOf(node)}`);
  }

  address(node: unknown, path: string): Address | undefined {
    const text = this.string(node, path);
    if (text === undefined) return undefined;
    return parseAddress(text) ?? this.fail(path, `not a 20-byte hex address: ${JSON.stringify(text)}`);
  }

  publicKey(node: unknown, path: string): PublicKeyHex | undefined {
    const text = this.string(node, path);
    if (text === undefined) return undefined;
    return parsePublicKeyHex(text) ?? this.fail(path, `not a 32-byte hex ed25519 public key: ${JSON.stringify(text)}`);
  }
}

/** Longest path or message kept whole in a problem; a genesis is hostile input. */
export const MAX_PROBLEM_TEXT = 300;

/**
 * Problems quote the file (a value, a key in a path): a 10 MB address was echoed twice, into the
 * message and the details — 20 MB of error on the terminal (QA of 2026-12-06). Long text keeps its
 * start and says how long it was.
 */
export function clipped(text: string): string {
  return text.length <= MAX_PROBLEM_TEXT ? text : `${text.slice(0, MAX_PROBLEM_TEXT)}… (${text.length} characters)`;
}

export function kindOf(node: unknown): string {
  if (node === null) return 'null';
  if (node === undefined) return 'nothing';
  if (isLosslessNumber(node)) return `number ${node.toString()}`;
  if (Array.isArray(node)) return 'a list';
  if (typeof node === 'string') return `string ${JSON.stringify(node.length > 40 ? node.slice(0, 40) + '…' : node)}`;
  return typeof node;
}
