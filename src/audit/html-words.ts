/**
 * The audit report's words for the audit's own identifiers: event kinds and reasons, line kinds
 * and reward roles. The summary (--json) and the CSVs keep the raw names — tools match on them —
 * so the page shows the words and keeps the raw name in a `title` (and `data-kind` for events),
 * where a reader who compares with the CSV can find it. An unknown name is shown as it is,
 * underscores as spaces: a new kind is readable before it has words here.
 */
import { escapeHtml } from './html-text.js';

const plain = (raw: string): string => raw.replaceAll('_', ' ');

const EVENT_KINDS: Readonly<Record<string, string>> = {
  slash: 'slash',
  jail: 'jail',
  unjail: 'unjail',
  force_unstake: 'force unstake',
  replay_burn: 'replay burn',
  fee_burn: 'fee burn',
  application_burn: 'application burn',
  dao_burn: 'DAO burn',
};

/** Kinds that never burn: their "burned" cell is a dash, where a burn of nothing is a 0. */
export const NON_BURNING_KINDS: ReadonlySet<string> = new Set(['jail', 'unjail', 'force_unstake']);

const DOWNTIME = 'Downtime: too many blocks missed in the signing window';

/**
 * An event's reason as one sentence-case phrase, keyed `kind/reason` (events.ts: a slash or jail
 * carries the shadow's code, an unjail or burn a phrase of its own).
 */
const EVENT_REASONS: Readonly<Record<string, string>> = {
  'slash/downtime': DOWNTIME,
  'jail/downtime': DOWNTIME,
  'slash/double_sign': 'Double sign: evidence of two votes at one height',
  'force_unstake/max_jailed_blocks': 'Jailed longer than MaxJailedBlocks',
  'force_unstake/stake_below_minimum (jailed at once)': 'Stake below StakeMinimum after a burn (jailed at once)',
  'unjail/Unjail tx delivered': 'Its Unjail tx was delivered',
};

/** An event kind's cell: words, the raw kind in `data-kind` and the title. */
export const eventKindCell = (kind: string): string =>
  `<td data-kind="${escapeHtml(kind)}" title="${escapeHtml(kind)}">${escapeHtml(EVENT_KINDS[kind] ?? plain(kind))}</td>`;

/** A burn's reason by its kind (events.ts writes its own phrase, which names the DAOTransfer action "dao_burn"). */
const BURN_REASONS: Readonly<Record<string, string>> = {
  replay_burn: 'Replay attack: proof of an already-claimed session',
  fee_burn: 'FeeBurnPercentage of the block’s fees',
  application_burn: 'Application burn (ApplicationBurnRate)',
  dao_burn: 'A DAOTransfer burning from the DAO',
};

/**
 * An event's reason in words. A burn over several accounts keeps events.ts's " (N accounts)";
 * anything not known here is shown as it is, its first letter raised.
 */
export function eventReasonText(kind: string, reason: string): string {
  const accounts = / \(\d+ accounts\)$/.exec(reason)?.[0] ?? '';
  const words = EVENT_REASONS[`${kind}/${reason}`] ?? (BURN_REASONS[kind] === undefined ? undefined : BURN_REASONS[kind] + accounts);
  return escapeHtml(words ?? reason.charAt(0).toUpperCase() + reason.slice(1));
}

const LINE_KINDS: Readonly<Record<string, string>> = {
  relay: 'relay',
  block: 'fee collector split',
  slash: 'slash',
  replay_burn: 'replay burn',
};

/** Reward and burn roles (economics.ts payouts, shadow.ts block and slash lines). */
const ROLES: Readonly<Record<string, string>> = {
  primary: 'relay reward',
  delegator: 'relay reward, delegator’s share',
  reward_cost_refund: 'reward-cost refund',
  fee_collector: 'DAO and proposer allocation (to the fee collector)',
  proposer_primary: 'proposer’s share',
  proposer_delegator: 'proposer’s share, to a delegator',
  dao: 'to the DAO',
  burn: 'fee burn',
  retained: 'left in the fee collector',
  downtime: 'downtime',
  double_sign: 'double sign',
  replay_attack: 'replay attack',
};

/** A line kind's cell and a role's cell: words, the raw name (as in the lines CSV) in the title. */
export const lineKindCell = (kind: string): string => `<td title="${escapeHtml(kind)}">${escapeHtml(LINE_KINDS[kind] ?? plain(kind))}</td>`;
export const roleCell = (role: string): string => `<td title="${escapeHtml(role)}">${escapeHtml(ROLES[role] ?? plain(role))}</td>`;
