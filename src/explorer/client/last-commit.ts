/**
 * The block page's "last commit" fact, from the block answer's precommits (query/pocket-json.ts:
 * one entry per validator of the set that signed block h − 1, null for one that did not sign;
 * null for no commit at all).
 * No commit at all: block 1, and the first block after an exported state imported without the
 * ledger's history — who signed the imported height is not known (genesis/import-exported.ts,
 * modules/nodes/validator-set.ts lastCommitSetFor), which is not "0 validators signed".
 * Examples: (7, [vote, null, vote]) → "2 validators signed block 6"; (41, null) → "— (no commit:
 * the chain starts here, from a state imported at height 40)".
 */
export function lastCommitText(height: number, precommits: ReadonlyArray<unknown> | null): string {
  if (height === 1) return '— (block 1 has no previous block to commit)';
  if (precommits === null || precommits.length === 0) return `— (no commit: the chain starts here, from a state imported at height ${height - 1})`;
  const signed = precommits.filter((vote) => vote !== null).length;
  return `${signed} validators signed block ${height - 1}`;
}
