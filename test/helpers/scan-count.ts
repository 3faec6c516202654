/**
 * Counting a byte scan's work instead of timing it, and the key order that makes a scan for a
 * top-level member walk the whole file (pocket-core's).
 */

/**
 * What `action` returns, and how many times Buffer's indexOf looked for a double quote meanwhile:
 * the JSON byte scans (core/lossless-json.ts, core/json-path-scan.ts) skip each string so.
 */
export function countQuoteSearches<T>(action: () => T): { value: T; searches: number } {
  const indexOf = Buffer.prototype.indexOf;
  let searches = 0;
  Buffer.prototype.indexOf = function (this: Buffer, ...args: Parameters<typeof indexOf>) {
    if (args[0] === 0x22) searches++;
    return indexOf.apply(this, args);
  };
  try {
    return { value: action(), searches };
  } finally {
    Buffer.prototype.indexOf = indexOf;
  }
}

/** The strings of a JSON text without escaped quotes (what a walk of it searches a closing quote for). */
export function stringsIn(text: string): number {
  return (text.match(/"/g) ?? []).length / 2;
}

/** Keys sorted at every level, as pocket-core's SortJSON writes them (Go's json.MarshalIndent of a map: RC-0.12.0 app/util.go:98). */
export function sortKeys(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(sortKeys);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.keys(node)
      .sort()
      .map((key) => [key, sortKeys((node as Record<string, unknown>)[key])]),
  );
}
