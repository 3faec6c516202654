/**
 * One derived line as a flat row: what `audit --lines-csv` writes for every reward, slash and
 * burn line the audit derived, and what a node-scoped report lists — the amount with the inputs
 * that explain it (for a relay line: the chain, relays, uPOKT per relay, the stake at the proof,
 * its PIP-22 floored stake, bin and weight, and what the proof minted in all).
 */
import { MODULE, type ExpectedLine } from './independent/shadow.js';

export const LINE_COLUMNS = ['height', 'kind', 'role', 'node', 'address', 'amount_upokt', 'chain', 'relays', 'multiplier_upokt_per_relay', 'multiplier_source', 'stake_upokt', 'floored_stake_upokt', 'bin', 'weight', 'minted_upokt'] as const;

export type LineRow = Readonly<Record<(typeof LINE_COLUMNS)[number], string | number | null>>;

const text = (value: string | bigint | null | undefined): string | null => (value === null || value === undefined ? null : String(value));

/**
 * The account a line pays. A block reward's DAO cut has no address on its line (the shadow and
 * the projection match it by its proposer), yet it is paid to an account: pocket-core's
 * blockReward sends it to the module account "dao" (x/nodes/keeper/reward.go:227-245,
 * x/gov/types/dao.go:8), SHA-256("dao")[:20] (x/auth/types/account.go:320-322). A burn and the
 * retained remainder pay no one and stay blank.
 */
function paidTo(line: Pick<ExpectedLine, 'kind' | 'role' | 'address'>): string | null {
  return line.address ?? (line.kind === 'block' && line.role === 'dao' ? MODULE.dao : null);
}

export function lineRow(height: number, line: ExpectedLine): LineRow {
  const i = line.inputs ?? {};
  return {
    height,
    kind: line.kind,
    role: line.role,
    node: line.subject,
    address: paidTo(line),
    amount_upokt: String(line.amount),
    chain: text(i['chain']),
    relays: text(i['relays']),
    multiplier_upokt_per_relay: text(i['multiplier']),
    multiplier_source: text(i['multiplier_source']),
    stake_upokt: text(i['stake']),
    floored_stake_upokt: text(i['floored_stake']),
    bin: text(i['bin']),
    weight: text(i['weight']),
    minted_upokt: text(i['minted']),
  };
}
