/** Pages of the chain's actors: an account (sent and received txs), a node (stake history, sessions, claims, rewards, rap sheet), an app. */
import { query, type AccountAnswer, type ActorAnswer, type AppAnswer, type ClaimLine, type LedgerPage, type NodeAnswer, type RapSheetLine, type RewardLine, type SigningInfoAnswer, type TxPage } from './api.js';
import { el, facts, link, section, table } from './dom.js';
import { count, decimal, jailState, pokt, short, STAKE_STATUS, unstakingTime } from './format.js';
import { moduleAccount } from './modules.js';
import { ledgerSection, pagedTable, type Slice } from './pager.js';
import { TX_HEADERS, txRows } from './pages-chain.js';
import { stakeHistory } from './stake-history.js';
import { appLink } from './tx-summary.js';

const TXS_PER_PAGE = 25;

function txs(address: string, received: boolean, page = 1, perPage = TXS_PER_PAGE): Promise<TxPage> {
  return query<TxPage>('query/accounttxs', { address, received, page, per_page: perPage, order: 'desc' });
}

/** A pageable section of an account's sent or received txs, newest first. */
function txSection(title: string, address: string, received: boolean, first: TxPage): HTMLElement {
  const slice = (page: TxPage): Slice => ({ rows: txRows(page.txs), total: page.total_txs });
  return section(`${title} (${count(first.total_txs)})`, pagedTable(TX_HEADERS, TXS_PER_PAGE, async (page) => slice(await txs(address, received, page)), slice(first)));
}

/** A node has a signing info from its stake to its unstake (pocket-core keeps one per validator). */
async function signingInfoOf(address: string): Promise<SigningInfoAnswer | undefined> {
  const page = await query<{ result: SigningInfoAnswer[] | null }>('query/signinginfo', { address, page: 1, per_page: 1 });
  return page.result?.[0];
}

export async function accountPage(address: string): Promise<HTMLElement> {
  const [account, sent, received, actor] = await Promise.all([query<AccountAnswer | null>('query/account', { address }), txs(address, false), txs(address, true), query<ActorAnswer>('query/actor', { address })]);
  const balance = account?.coins.find((coin) => coin.denom === 'upokt')?.amount ?? '0';
  const module = moduleAccount(address);
  return el(
    'div',
    {},
    section(
      module === undefined ? 'Account' : `Module account: ${module.name}`,
      facts([
        ['address', el('code', {}, address)],
        ['balance', pokt(balance)],
        module === undefined ? ['public key', account?.public_key ?? '— (has not signed a tx)'] : ['what it is', module.what],
        ['node', actor.node === null ? 'not a node' : link(`node/${address}`, `${pokt(actor.node.tokens)} staked: view node →`)],
        ['application', actor.app === null ? 'not an application' : link(`app/${address}`, `${pokt(actor.app.staked_tokens)} staked: view application →`)],
      ]),
    ),
    txSection('Sent txs', address, false, sent),
    // Module accounts receive by minting and transfers inside a block, not by txs: say so.
    module !== undefined && received.total_txs === 0 ? section('Received txs', el('p', { class: 'empty' }, 'none by tx: a module account is paid inside blocks (rewards, fees, stakes); the supply history on the chain page shows its pool')) : txSection('Received txs', address, true, received),
  );
}

function heightRange(from: number, to: number): HTMLElement {
  return from === to ? link(`block/${from}`, String(from)) : el('span', {}, link(`block/${from}`, String(from)), '–', link(`block/${to}`, String(to)));
}

/** The jail line: pocket-core's signing info, and why a node jailed before block 1 has no jail on its rap sheet. */
function jailText(node: NodeAnswer, signing: SigningInfoAnswer | undefined, jailedOnThisChain: boolean): string {
  if (signing === undefined) return '—';
  const state = jailState(node.jailed, signing.jailed_until);
  const since = node.jailed && !jailedOnThisChain ? ' — jailed in the genesis state, before block 1 (no jail on this chain)' : '';
  const blocks = node.jailed ? `, jailed for ${count(signing.jailed_blocks_counter)} blocks so far` : '';
  return `record since height ${signing.start_height}, ${signing.missed_blocks_counter} missed, ${state}${blocks}${since}`;
}

function nodeFacts(node: NodeAnswer, signing: SigningInfoAnswer | undefined, jailedOnThisChain: boolean): HTMLElement {
  return facts([
    ['address', link(`account/${node.address}`, node.address)],
    ['status', `${STAKE_STATUS[node.status] ?? node.status}${node.jailed ? ', jailed' : ''}`],
    ['stake', pokt(node.tokens)],
    ['chains', node.chains.join(', ')],
    ['service URL', node.service_url],
    ['output address', node.output_address === '' ? '— (rewards go to the node itself)' : link(`account/${node.output_address.toLowerCase()}`, node.output_address.toLowerCase())],
    ['unstaking time', unstakingTime(node.unstaking_time)],
    ['signing info', jailText(node, signing, jailedOnThisChain)],
  ]);
}

/** A reward line's receiver: an account link, or what happens to the amount (a burn, a pool). */
function receiver(line: RewardLine): HTMLElement {
  if (line.address === null) return el('span', {}, line.role);
  const module = moduleAccount(line.address);
  return link(`account/${line.address}`, module === undefined ? short(line.address) : module.name);
}

function rewardRow(line: RewardLine): HTMLElement[] {
  return [link(`block/${line.height}`, String(line.height)), el('span', {}, line.kind), el('span', {}, line.role), receiver(line), el('span', {}, pokt(line.amount)), el('span', {}, line.chain ?? ''), el('span', {}, line.relays ?? ''), el('span', {}, line.stake_bin ?? ''), el('span', {}, line.weight === null ? '' : decimal(line.weight))];
}

function claimRow(c: ClaimLine): HTMLElement[] {
  return [
    c.submitted_tx === null ? el('span', {}, String(c.submitted_height)) : link(`tx/${c.submitted_tx}`, String(c.submitted_height)),
    link(`block/${c.session_height}`, String(c.session_height)),
    el('span', {}, c.chain),
    el('span', {}, c.total_proofs),
    el('span', { class: c.status === 'proven' ? 'ok' : c.status === 'submitted' ? '' : 'rejected' }, c.status),
    c.settled_height === null ? el('span', {}, '—') : link(`block/${c.settled_height}`, String(c.settled_height)),
    el('span', {}, c.reason ?? ''),
  ];
}

function rapRow(r: RapSheetLine): HTMLElement[] {
  return [link(`block/${r.height}`, String(r.height)), el('span', {}, r.kind), el('span', {}, r.reason), el('span', {}, pokt(r.amount)), r.tx_hash === null ? el('span', {}, '') : link(`tx/${r.tx_hash}`, short(r.tx_hash))];
}

export async function nodePage(address: string): Promise<HTMLElement> {
  const [node, signing, head, raps, sent] = await Promise.all([
    query<NodeAnswer>('query/node', { address }),
    signingInfoOf(address),
    query<{ height: number }>('query/height'),
    query<LedgerPage<RapSheetLine>>('query/rapsheet', { address, per_page: 1_000 }),
    txs(address, false, 1, 100),
  ]);
  const [history, sessions, claims, rewards, rapSheet] = await Promise.all([
    stakeHistory(address, head.height, raps.result, sent.txs),
    query<LedgerPage<ClaimLine>>('query/claims', { address, per_page: 1_000 }),
    ledgerSection<ClaimLine>('Claims', 'query/claims', { address }, ['submitted', 'session', 'chain', 'proofs', 'status', 'settled', 'reason'], claimRow),
    ledgerSection<RewardLine>('Rewards', 'query/rewards', { node: address }, ['height', 'kind', 'role', 'to', 'amount', 'chain', 'relays', 'stake bin', 'weight'], rewardRow),
    ledgerSection<RapSheetLine>('Rap sheet', 'query/rapsheet', { address }, ['height', 'kind', 'reason', 'amount', 'tx'], rapRow, 'clean'),
  ]);
  const served = new Map(sessions.result.map((c) => [`${c.session_height}/${c.chain}/${c.app_public_key}`, c]));
  const jailedOnThisChain = raps.result.some((r) => r.kind === 'jailed');
  return el(
    'div',
    {},
    section('Node', nodeFacts(node, signing, jailedOnThisChain)),
    section(
      `Stake history (queried at ${history.points.length} heights: its jails, unjails, slashes and stake txs, and evenly spaced samples)`,
      table(
        ['heights', 'stake', 'status', 'jailed'],
        history.runs.map(({ from, to, node: n }) => (n === undefined ? [heightRange(from, to), '—', 'not staked', '—'] : [heightRange(from, to), pokt(n.tokens), STAKE_STATUS[n.status] ?? String(n.status), n.jailed ? 'yes' : 'no'])),
      ),
    ),
    section(
      `Sessions served (from its claims: ${count(served.size)}${sessions.total > sessions.result.length ? `, of its latest ${count(sessions.result.length)} claims` : ''})`,
      table(['session height', 'chain', 'app'], [...served.values()].map((c) => [link(`block/${c.session_height}`, String(c.session_height)), c.chain, appLink(c)])),
    ),
    claims,
    rewards,
    rapSheet,
  );
}

function sessionFacts(session: { header: { app_public_key?: string; chain?: string; session_height?: number | string }; nodes: ReadonlyArray<{ address: string }> }): HTMLElement {
  const h = session.header;
  return facts([
    ['session height', h.session_height === undefined ? '—' : link(`block/${h.session_height}`, String(h.session_height))],
    ['chain', h.chain ?? '—'],
    ['app public key', el('code', {}, h.app_public_key ?? '—')],
    [`nodes (${session.nodes.length})`, el('div', {}, ...session.nodes.map((n) => el('div', {}, link(`node/${n.address}`, n.address))))],
  ]);
}

export async function appPage(address: string): Promise<HTMLElement> {
  const [app, sent] = await Promise.all([query<AppAnswer>('query/app', { address }), txs(address, false)]);
  const sessionBox = el('div', {});
  const buttons = app.chains.map((chain) => {
    const button = el('button', { type: 'button' }, `current session on ${chain}`);
    button.addEventListener('click', () => {
      sessionBox.replaceChildren(el('p', {}, 'walking the session…'));
      query<{ session: Parameters<typeof sessionFacts>[0] }>('client/dispatch', { app_public_key: app.public_key, chain })
        .then((answer) => sessionBox.replaceChildren(sessionFacts(answer.session)))
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
    txSection('Sent txs', address, false, sent),
  );
}
