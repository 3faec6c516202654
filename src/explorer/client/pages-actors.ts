/** Pages of the chain's actors: an account (sent and received txs), a node (stake history, sessions, claims, rewards, rap sheet), an app. */
import { query, type AccountAnswer, type AppAnswer, type ClaimLine, type LedgerPage, type NodeAnswer, type PocketPage, type RapSheetLine, type RewardLine, type SigningInfoAnswer, type TxPage } from './api.js';
import { el, facts, json, link, section, table } from './dom.js';
import { count, jailState, pokt, short, STAKE_STATUS, unstakingTime } from './format.js';
import { TX_HEADERS, txRows } from './pages-chain.js';

const TXS_PER_PAGE = 25;
const HISTORY_POINTS = 8;

function txs(address: string, received: boolean): Promise<TxPage> {
  return query<TxPage>('query/accounttxs', { address, received, page: 1, per_page: TXS_PER_PAGE, order: 'desc' });
}

/** A node has a signing info from its stake to its unstake (pocket-core keeps one per validator). */
async function signingInfoOf(address: string): Promise<SigningInfoAnswer | undefined> {
  const page = await query<PocketPage<SigningInfoAnswer>>('query/signinginfo', { address, page: 1, per_page: 1 });
  return page.result?.[0];
}

export async function accountPage(address: string): Promise<HTMLElement> {
  const [account, sent, received, signing] = await Promise.all([query<AccountAnswer | null>('query/account', { address }), txs(address, false), txs(address, true), signingInfoOf(address)]);
  const balance = account?.coins.find((coin) => coin.denom === 'upokt')?.amount ?? '0';
  const staking = sent.txs.some((tx) => tx.tx_result.message_type === 'app_stake' && tx.tx_result.code === 0);
  return el(
    'div',
    {},
    section(
      'Account',
      facts([
        ['address', el('code', {}, address)],
        ['balance', pokt(balance)],
        ['public key', account?.public_key ?? '— (has not signed a tx)'],
        ['node', signing === undefined ? 'not a staked node' : link(`node/${address}`, 'view node →')],
        ['application', staking ? link(`app/${address}`, 'view application →') : '—'],
      ]),
    ),
    section(`Sent txs (${sent.total_txs})`, table(TX_HEADERS, txRows(sent.txs))),
    section(`Received txs (${received.total_txs})`, table(TX_HEADERS, txRows(received.txs))),
  );
}

/** Heights from `first` to `last`, at most `count`, evenly spread, ascending, ≥ 1 (height 0 means "latest" to the API). */
export function sampleHeights(first: number, last: number, count: number): number[] {
  const from = Math.max(1, first);
  if (last < from) return [];
  const step = Math.max(1, Math.ceil((last - from) / Math.max(1, count - 1)));
  const heights: number[] = [];
  for (let h = from; h < last; h += step) heights.push(h);
  heights.push(last);
  return heights;
}

/** Consecutive samples showing the same stake, status and jail flag, as one run of heights (a row each). */
function stakeRuns(samples: ReadonlyArray<readonly [number, NodeAnswer]>): Array<{ from: number; to: number; node: NodeAnswer }> {
  const runs: Array<{ from: number; to: number; node: NodeAnswer }> = [];
  for (const [height, node] of samples) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.node.tokens === node.tokens && last.node.status === node.status && last.node.jailed === node.jailed) last.to = height;
    else runs.push({ from: height, to: height, node });
  }
  return runs;
}

function heightRange(from: number, to: number): HTMLElement {
  return from === to ? link(`block/${from}`, String(from)) : el('span', {}, link(`block/${from}`, String(from)), '–', link(`block/${to}`, String(to)));
}

function nodeFacts(node: NodeAnswer, signing: SigningInfoAnswer | undefined): HTMLElement {
  return facts([
    ['address', link(`account/${node.address}`, node.address)],
    ['status', `${STAKE_STATUS[node.status] ?? node.status}${node.jailed ? ', jailed' : ''}`],
    ['stake', pokt(node.tokens)],
    ['chains', node.chains.join(', ')],
    ['service URL', node.service_url],
    ['output address', node.output_address || '—'],
    ['unstaking time', unstakingTime(node.unstaking_time)],
    ['signing info', signing === undefined ? '—' : `since height ${signing.start_height}, ${signing.missed_blocks_counter} missed, ${jailState(node.jailed, signing.jailed_until)}`],
  ]);
}

export async function nodePage(address: string): Promise<HTMLElement> {
  const [node, signing, head] = await Promise.all([query<NodeAnswer>('query/node', { address }), signingInfoOf(address), query<{ height: number }>('query/height')]);
  const heights = sampleHeights(signing?.start_height ?? head.height, head.height, HISTORY_POINTS);
  const [history, claims, rewards, raps] = await Promise.all([
    Promise.all(heights.map((height) => query<NodeAnswer>('query/node', { address, height }).then((n) => [height, n] as const))),
    query<LedgerPage<ClaimLine>>('query/claims', { address, per_page: 100 }),
    query<LedgerPage<RewardLine>>('query/rewards', { node: address, per_page: 100 }),
    query<LedgerPage<RapSheetLine>>('query/rapsheet', { address, per_page: 100 }),
  ]);
  const sessions = new Map(claims.result.map((c) => [`${c.session_height}/${c.chain}/${c.app_public_key}`, c]));
  return el(
    'div',
    {},
    section('Node', nodeFacts(node, signing)),
    section(
      `Stake history (sampled at ${heights.length} heights)`,
      table(
        ['heights', 'stake', 'status', 'jailed'],
        stakeRuns(history).map(({ from, to, node: n }) => [heightRange(from, to), pokt(n.tokens), STAKE_STATUS[n.status] ?? String(n.status), n.jailed ? 'yes' : 'no']),
      ),
    ),
    section(`Sessions served (from its claims: ${sessions.size})`, table(['session height', 'chain', 'app'], [...sessions.values()].map((c) => [link(`block/${c.session_height}`, String(c.session_height)), c.chain, el('code', {}, short(c.app_public_key))]))),
    section(
      `Claims (${claims.total})`,
      table(
        ['submitted', 'session', 'chain', 'proofs', 'status', 'settled', 'reason'],
        claims.result.map((c) => [
          c.submitted_tx === null ? String(c.submitted_height) : link(`tx/${c.submitted_tx}`, String(c.submitted_height)),
          String(c.session_height),
          c.chain,
          c.total_proofs,
          el('span', { class: c.status === 'proven' ? 'ok' : c.status === 'submitted' ? '' : 'rejected' }, c.status),
          c.settled_height === null ? '—' : link(`block/${c.settled_height}`, String(c.settled_height)),
          c.reason ?? '',
        ]),
      ),
    ),
    section(`Rewards (${rewards.total})`, table(['height', 'kind', 'role', 'to', 'amount', 'chain', 'relays', 'bin', 'weight'], rewards.result.map((r) => [link(`block/${r.height}`, String(r.height)), r.kind, r.role, r.address === null ? r.role : link(`account/${r.address}`, short(r.address)), pokt(r.amount), r.chain ?? '', r.relays ?? '', r.stake_bin ?? '', r.weight ?? '']))),
    section(`Rap sheet (${raps.total})`, table(['height', 'kind', 'reason', 'amount', 'tx'], raps.result.map((r) => [link(`block/${r.height}`, String(r.height)), r.kind, r.reason, pokt(r.amount), r.tx_hash === null ? '' : link(`tx/${r.tx_hash}`, short(r.tx_hash))]), 'clean')),
  );
}

export async function appPage(address: string): Promise<HTMLElement> {
  const [app, sent] = await Promise.all([query<AppAnswer>('query/app', { address }), txs(address, false)]);
  const sessionBox = el('div', {});
  const buttons = app.chains.map((chain) => {
    const button = el('button', { type: 'button' }, `current session on ${chain}`);
    button.addEventListener('click', () => {
      sessionBox.replaceChildren(el('p', {}, 'walking the session…'));
      query<{ session: { header: unknown; nodes: ReadonlyArray<{ address: string }> } }>('client/dispatch', { app_public_key: app.public_key, chain })
        .then((answer) => sessionBox.replaceChildren(facts([['header', json(answer.session.header)], ['nodes', el('div', {}, ...answer.session.nodes.map((n) => el('div', {}, link(`node/${n.address}`, n.address))))]])))
        .catch((error: unknown) => sessionBox.replaceChildren(el('p', { class: 'error' }, String(error instanceof Error ? error.message : error))));
    });
    return button;
  });
  return el(
    'div',
    {},
    section(
      'Application',
      facts([
        ['address', link(`account/${app.address}`, app.address)],
        ['public key', el('code', {}, app.public_key)],
        ['status', `${STAKE_STATUS[app.status] ?? app.status}${app.jailed ? ', jailed' : ''}`],
        ['stake', pokt(app.staked_tokens)],
        ['max relays per session', count(app.max_relays)],
        ['chains', app.chains.join(', ')],
        ['unstaking time', unstakingTime(app.unstaking_time)],
      ]),
    ),
    section('Sessions', el('div', { class: 'buttons' }, ...buttons), sessionBox),
    section(`Sent txs (${sent.total_txs})`, table(TX_HEADERS, txRows(sent.txs))),
  );
}
