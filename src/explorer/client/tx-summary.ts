/**
 * What a tx did, in words and amounts, from its decoded message (pocket-core's amino JSON, as
 * query/tx answers it) — the rows a person reads before the JSON: who paid whom how much, what a
 * stake staked, what a parameter change set. And for the two relay-work txs, what became of them:
 * a claim's lifecycle (query/claims: proven, expired, …) and the claim a proof settled with the
 * reward minted for it at that height (query/rewards). Unknown fields are left to the JSON below.
 */
import { query, type ClaimLine, type LedgerPage, type RewardLine, type TxAnswer } from './api.js';
import { amount, amountAndMicro, code, el, link, shortCode, type Child } from './dom.js';
import { paramValueText, short } from './format.js';

type Row = readonly [string, Child];
type Fields = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const record = (value: unknown): Fields | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : undefined);
const address = (value: unknown): Child => {
  const a = text(value)?.toLowerCase();
  return a === undefined ? undefined : link(`account/${a}`, a);
};

/** Rows for the message's well-known fields (send, stakes, unstake, unjail, param change, DAO transfer, claim, proof). */
export function messageRows(msg: TxAnswer['stdTx']['msg']): Row[] {
  const v = record(msg?.value);
  if (v === undefined) return [];
  const rows: Row[] = [];
  const add = (label: string, value: Child): void => {
    if (value !== undefined && value !== '') rows.push([label, value]);
  };
  add('from', address(v['from_address']));
  add('to', address(v['to_address']));
  if (text(v['amount']) !== undefined) add('amount', amountAndMicro(text(v['amount'])!));
  // A stake's "value" is its amount (MsgStake, MsgAppStake); a param change's value is below.
  if (text(v['value']) !== undefined && /^[0-9]+$/.test(text(v['value'])!)) add('stake', amountAndMicro(text(v['value'])!));
  if (Array.isArray(v['chains'])) add('chains', v['chains'].map(String).join(', '));
  add('service URL', text(v['service_url']));
  add('output address', address(v['output_address']));
  add('node', text(v['address']) === undefined || v['param_key'] !== undefined ? undefined : link(`node/${text(v['address'])!.toLowerCase()}`, text(v['address'])!.toLowerCase()));
  add('action', text(v['action']));
  if (text(v['param_key']) !== undefined) {
    add('parameter', el('code', {}, text(v['param_key'])!));
    const value = text(v['param_value']);
    add('new value', value === undefined ? undefined : paramValueText(value) ?? `${value} (base64, not decodable as JSON)`);
  }
  const header = record(v['header']);
  if (header !== undefined) rows.push(...sessionRows(text(header['session_height']), text(header['chain']), text(header['app_public_key'])));
  add('proofs claimed', text(v['total_proofs']));
  const leaf = record(record(v['leaf'])?.['value']);
  if (leaf !== undefined) rows.push(...sessionRows(text(leaf['session_block_height']), text(leaf['blockchain']), text(record(leaf['aat'])?.['app_pub_key'])));
  return rows;
}

function sessionRows(height: string | undefined, chain: string | undefined, app: string | undefined): Row[] {
  return [
    ['session', height === undefined ? '—' : link(`block/${height}`, `height ${height}`)],
    ['chain', chain ?? '—'],
    ['app public key', code(app ?? '—')],
  ];
}

/**
 * A reward line's role in words (the raw name stays in the cell's tooltip). Relay lines: what a
 * node's relays minted, split (modules/pocketcore/rewards.ts); block lines: the fee collector's
 * balance split at the next block (modules/nodes: burn, DAO, proposer, what stays).
 */
const ROLES: Readonly<Record<string, string>> = {
  primary: "node's reward",
  delegator: 'delegator share',
  reward_cost_refund: 'claim/proof fee refund',
  fee_collector: 'DAO + proposer cut',
  replay_attack: 'replay attack burn',
  burn: 'burned',
  dao: 'DAO share',
  retained: 'kept by fee collector',
  proposer_primary: 'block proposer',
  proposer_delegator: "proposer's delegator",
};

export function roleText(role: string): string {
  return Object.hasOwn(ROLES, role) ? ROLES[role]! : role.replaceAll('_', ' ');
}

/** A claim's app: its page when the service gave the address, else the bare key. */
export function appLink(claim: Pick<ClaimLine, 'app_public_key' | 'app_address'>): HTMLElement {
  return claim.app_address === null ? shortCode(claim.app_public_key, short(claim.app_public_key)) : link(`app/${claim.app_address}`, short(claim.app_public_key));
}

function claimFacts(claim: ClaimLine): Row[] {
  const status = el('span', { class: claim.status === 'proven' ? 'ok' : claim.status === 'submitted' ? '' : 'rejected' }, claim.status);
  return [
    ['app', appLink(claim)],
    ['claim status', status],
    ['settled', claim.settled_height === null ? '— (not yet)' : link(`block/${claim.settled_height}`, String(claim.settled_height))],
    ['why', claim.reason ?? '—'],
  ];
}

/** For a successful claim or proof tx: its claim's lifecycle, and for a proof the reward it minted. */
export async function outcomeRows(tx: TxAnswer): Promise<Row[]> {
  const r = tx.tx_result;
  if (r.code !== 0 || (r.message_type !== 'claim' && r.message_type !== 'proof')) return [];
  const servicer = r.signer.toLowerCase();
  if (r.message_type === 'claim') {
    const claims = await query<LedgerPage<ClaimLine>>('query/claims', { address: servicer, from_height: tx.height, to_height: tx.height, per_page: 1_000 });
    const claim = claims.result.find((c) => c.submitted_tx === tx.hash);
    return claim === undefined ? [] : claimFacts(claim);
  }
  // A proof settles the claim of its session (same servicer, session height, chain and app).
  const leaf = record(record(record(tx.stdTx.msg?.value)?.['leaf'])?.['value']);
  const session = Number(text(leaf?.['session_block_height']));
  const chain = text(leaf?.['blockchain']);
  const app = text(record(leaf?.['aat'])?.['app_pub_key']);
  if (!Number.isSafeInteger(session) || session < 1) return [];
  const [claims, rewards] = await Promise.all([
    query<LedgerPage<ClaimLine>>('query/claims', { address: servicer, from_height: session, to_height: tx.height, per_page: 1_000 }),
    query<LedgerPage<RewardLine>>('query/rewards', { node: servicer, from_height: tx.height, to_height: tx.height, per_page: 1_000 }),
  ]);
  const claim = claims.result.find((c) => c.session_height === session && c.chain === chain && c.app_public_key === app);
  const paid = claim === undefined ? [] : rewards.result.filter((line) => line.kind === 'relay' && line.claim_key === claim.claim_key && line.address !== null);
  const rows: Row[] = claim === undefined ? [] : [['claim', claim.submitted_tx === null ? `submitted at ${claim.submitted_height}` : link(`tx/${claim.submitted_tx}`, `${short(claim.submitted_tx)} (height ${claim.submitted_height})`)], ...claimFacts(claim)];
  if (paid.length > 0) rows.push(['paid for it at this height', el('div', {}, ...paid.map((line) => el('div', {}, amount(line.amount), ` → ${roleText(line.role)} `, link(`account/${line.address!}`, short(line.address!)))))]);
  return rows;
}
