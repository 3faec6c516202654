/** Pages of the chain's actors: an account (sent and received txs), a node (stake history, sessions, claims, rewards, rap sheet), an app. */
import { query, type AccountAnswer, type ActorAnswer, type AppAnswer, type ClaimLine, type NodeAnswer, type RapSheetLine, type RewardLine, type SigningInfoAnswer, type TxPage } from './api.js';
import { amount, code, el, facts, link, num, pageSection, section, table } from './dom.js';
import { badAddress, notActor } from './errors.js';
import { ADDRESS, count, decimal, jailState, normalAddress, pokt, short, STAKE_STATUS, unstakingTime } from './format.js';
import { moduleAccount, rewardPaidTo } from './modules.js';
import { firstPage, ledgerSection, newestLedgerSection, newestLines, pagedTable, type Slice } from './pager.js';
import { txHeaders, txRows, type SameInEveryRow } from './pages-chain.js';
import { jailBeganHere, stakeHistory, type StakeTxScan } from './stake-history.js';
import { appLink, roleText } from './tx-summary.js';

const TXS_PER_PAGE = 25;
/** How many of a node's claims, its latest, the sessions-served list is drawn from (one API page). */
const SESSIONS_FROM_CLAIMS = 1_000;

/** Newest first: pocket-core's tx index walks `order: "asc"` backwards (types/indexer.go:340-346), and the API keeps that. */
function txs(address: string, received: boolean, page: number): Promise<TxPage> {
  return query<TxPage>('query/accounttxs', { address, received, page, per_page: TXS_PER_PAGE, order: 'asc' });
}

/** A pageable section of an account's sent or received txs, newest first, at the page the URL names (`?sent=2`, `?received=3`). */
async function txSection(title: string, address: string, received: boolean): Promise<{ readonly view: HTMLElement; readonly total: number }> {
  const key = received ? 'received' : 'sent';
  // The account's own column is left out: every row would link to this page.
  const omit: ReadonlySet<SameInEveryRow> = new Set([received ? 'recipient' : 'signer']);
  const load = async (page: number): Promise<Slice> => {
    const answer = await txs(address, received, page);
    return { rows: txRows(answer.txs, omit), total: answer.total_txs };
  };
  const start = await firstPage(key, load, TXS_PER_PAGE);
  return { view: section(`${title} (${count(start.slice.total)})`, pagedTable(txHeaders(omit), TXS_PER_PAGE, load, start, key)), total: start.slice.total };
}

/** The address in a URL, normalised (0x dropped, lowercase) — or an error page saying what an address looks like, before any request. */
function addressOf(text: string): string {
  const address = normalAddress(text);
  if (!ADDRESS.test(address)) throw badAddress(text);
  return address;
}

/** A node has a signing info from its stake to its unstake (pocket-core keeps one per validator). */
async function signingInfoOf(address: string): Promise<SigningInfoAnswer | undefined> {
  const page = await query<{ result: SigningInfoAnswer[] | null }>('query/signinginfo', { address, page: 1, per_page: 1 });
  return page.result?.[0];
}

/** "5,000 POKT staked: view node →", one link to the actor's page, its amount on one line. */
function stakedLink(route: string, upokt: string, onward: string): HTMLElement {
  return el('a', { href: `#/${route}` }, amount(upokt), ` staked: ${onward}`);
}

export async function accountPage(addressText: string): Promise<HTMLElement> {
  const address = addressOf(addressText);
  const module = moduleAccount(address);
  const [account, actor] = await Promise.all([query<AccountAnswer | null>('query/account', { address }), query<ActorAnswer>('query/actor', { address })]);
  // pocket-core answers null for an address it has no account for: no balance was ever sent to it and it never signed.
  const unknown = account === null && module === undefined && actor.node === null && actor.app === null;
  const summary = pageSection(
    module === undefined ? `Account ${short(address, 10)}` : `Module account: ${module.name}`,
    unknown ? el('p', { class: 'note' }, 'This address has never appeared on the chain: nothing was ever sent to it and it has signed nothing. A valid address still has a page, so this one would fill in once it is used.') : null,
    facts([
      ['address', code(address)],
      ['balance', unknown ? '— (no account)' : amount(account?.coins.find((coin) => coin.denom === 'upokt')?.amount ?? '0')],
      module === undefined ? ['public key', account?.public_key == null ? '— (has not signed a tx)' : code(account.public_key)] : ['what it is', module.what],
      ['node', actor.node === null ? 'not a node' : stakedLink(`node/${address}`, actor.node.tokens, 'view node →')],
      ['application', actor.app === null ? 'not an application' : stakedLink(`app/${address}`, actor.app.staked_tokens, 'view application →')],
    ]),
  );
  if (unknown) return el('div', {}, summary);
  const [sent, received] = await Promise.all([txSection('Sent txs', address, false), txSection('Received txs', address, true)]);
  // Module accounts receive by minting and transfers inside a block, not by txs: say so.
  const noneByTx = module !== undefined && received.total === 0;
  return el('div', {}, summary, sent.view, noneByTx ? section('Received txs', el('p', { class: 'empty' }, 'none by tx: a module account is paid inside blocks (rewards, fees, stakes); the supply history on the chain page shows its pool')) : received.view);
}

function heightRange(from: number, to: number): HTMLElement {
  return from === to ? link(`block/${from}`, String(from)) : el('span', {}, link(`block/${from}`, String(from)), '–', link(`block/${to}`, String(to)));
}

/**
 * The signing line in words: pocket-core's signing info counts missed blocks within its current
 * window and keeps the last jail's end after an unjail; start_height 0 means the node was a
 * validator in the genesis state. A node jailed before block 1 has no jail on its rap sheet: say why.
 */
function jailText(node: NodeAnswer, signing: SigningInfoAnswer | undefined, jailedOnThisChain: boolean): string {
  if (signing === undefined) return '—';
  const state = jailState(node.jailed, signing.jailed_until);
  const since = signing.start_height === 0 ? 'a validator since the genesis state' : `a validator since block ${count(signing.start_height)}`;
  const genesisJail = node.jailed && !jailedOnThisChain ? ' — jailed in the genesis state, before block 1 (no jail on this chain)' : '';
  const blocks = node.jailed ? `, jailed for ${count(signing.jailed_blocks_counter)} blocks so far` : '';
  return `${since}; ${count(signing.missed_blocks_counter)} blocks missed in the current signing window; ${state}${blocks}${genesisJail}`;
}

function nodeFacts(node: NodeAnswer, signing: SigningInfoAnswer | undefined, jailedOnThisChain: boolean): HTMLElement {
  return facts([
    ['address', link(`account/${node.address}`, node.address)],
    ['public key', code(node.public_key)],
    ['status', `${STAKE_STATUS[node.status] ?? node.status}${node.jailed ? ', jailed' : ''}`],
    ['stake', amount(node.tokens)],
    ['chains', node.chains.join(', ')],
    ['service URL', node.service_url],
    ['output address', node.output_address === '' ? '— (rewards go to the node itself)' : link(`account/${node.output_address.toLowerCase()}`, node.output_address.toLowerCase())],
    ['unstaking time', unstakingTime(node.unstaking_time)],
    ['signing info', jailText(node, signing, jailedOnThisChain)],
  ]);
}

/** A reward line's receiver: an account link (the dao account for a block's DAO cut: rewardPaidTo), or what happens to the amount (a burn, what the pool keeps). */
function receiver(line: RewardLine): HTMLElement {
  const paidTo = rewardPaidTo(line);
  if (paidTo === null) return el('span', {}, roleText(line.role));
  const module = moduleAccount(paidTo);
  return link(`account/${paidTo}`, module === undefined ? short(paidTo, 6) : module.name);
}

function rewardRow(line: RewardLine): HTMLElement[] {
  return [
    link(`block/${line.height}`, String(line.height)),
    el('span', {}, line.kind),
    el('span', { title: line.role }, roleText(line.role)),
    receiver(line),
    num(pokt(line.amount)),
    el('span', {}, line.chain ?? ''),
    num(line.relays === null ? '' : count(line.relays)),
    num(line.stake_bin ?? ''),
    num(line.weight === null ? '' : decimal(line.weight)),
  ];
}

/** The rewards table's PIP-22 columns, explained in a line above it and in their headers' tooltips. */
const STAKE_BIN = 'PIP-22: the node\'s stake, floored to a multiple of ServicerStakeFloorMultiplier and capped at ServicerStakeWeightCeiling, divided by that multiplier';
const WEIGHT = 'PIP-22: bin ^ ServicerStakeFloorMultiplierExponent ÷ ServicerStakeWeightMultiplier; the relays\' reward is relays × RelaysToTokensMultiplier × weight';
const REWARD_HEADERS = ['height', 'kind', 'role', 'to', 'amount', 'chain', 'relays', ['stake bin', STAKE_BIN], ['weight', WEIGHT]] as const;
/** The note above the rewards: what the PIP-22 columns mean, and their formulas in a box that opens by a tap (a phone has no hover for the headers' tooltips). */
function rewardNote(): HTMLElement {
  return el(
    'div',
    { class: 'note' },
    el('p', {}, 'Stake bin and weight are PIP-22\'s stake weighting: the more a node stakes (in steps of the floor multiplier, up to a ceiling — the bin), the more each relay earns (× weight).'),
    el('details', { class: 'formulas' }, el('summary', {}, 'the formulas'), el('p', {}, el('strong', {}, 'stake bin: '), STAKE_BIN), el('p', {}, el('strong', {}, 'weight: '), WEIGHT)),
  );
}

function claimRow(c: ClaimLine): HTMLElement[] {
  return [
    c.submitted_tx === null ? el('span', {}, String(c.submitted_height)) : link(`tx/${c.submitted_tx}`, String(c.submitted_height)),
    link(`block/${c.session_height}`, String(c.session_height)),
    el('span', {}, c.chain),
    num(count(c.total_proofs)),
    el('span', { class: c.status === 'proven' ? 'ok' : c.status === 'submitted' ? '' : 'rejected' }, c.status),
    c.settled_height === null ? el('span', {}, '—') : link(`block/${c.settled_height}`, String(c.settled_height)),
    el('span', { class: 'reason' }, c.reason ?? ''),
  ];
}

function rapRow(r: RapSheetLine): HTMLElement[] {
  return [link(`block/${r.height}`, String(r.height)), el('span', {}, r.kind), el('span', { class: 'reason' }, r.reason), num(pokt(r.amount)), r.tx_hash === null ? el('span', {}, '') : link(`tx/${r.tx_hash}`, short(r.tx_hash, 6))];
}

/** The stake-tx scan stopped short (a busy servicer): how far back it looked, so older stakes are not taken as absent. */
function sentScanNote(scan: StakeTxScan): string {
  const since = scan.oldestRead === undefined ? '' : ` (back to block ${count(scan.oldestRead)})`;
  return `Stake, unstake and unjail txs were looked for among its latest ${count(scan.read)} of ${count(scan.total)} sent txs${since}: an older one has no row of its own, and shows only where the samples fall.`;
}

export async function nodePage(addressText: string): Promise<HTMLElement> {
  const address = addressOf(addressText);
  // The existence check first, through query/actor (which answers null, not 400, for "not a node"): a
  // node page for an address that is none says so and links its account, with no query sent to fail.
  const actor = await query<ActorAnswer>('query/actor', { address });
  if (actor.node === null) throw notActor(address, 'node');
  const node = actor.node;
  const [signing, history, sessions, claims, rewards, rapSheet] = await Promise.all([
    signingInfoOf(address),
    stakeHistory(address, actor.height),
    newestLines<ClaimLine>('query/claims', { address }, SESSIONS_FROM_CLAIMS),
    newestLedgerSection<ClaimLine>('Claims', 'claims', 'query/claims', { address }, ['submitted', 'session', 'chain', 'proofs', 'status', 'settled', 'reason'], claimRow),
    newestLedgerSection<RewardLine>('Rewards', 'rewards', 'query/rewards', { node: address }, REWARD_HEADERS, rewardRow, 'none', rewardNote()),
    ledgerSection<RapSheetLine>('Rap sheet', 'raps', 'query/rapsheet', { address }, ['height', 'kind', 'reason', 'amount', 'tx'], rapRow, 'clean'),
  ]);
  const served = new Map(sessions.lines.map((c) => [`${c.session_height}/${c.chain}/${c.app_public_key}`, c]));
  // Newest first, as the claims and rewards below.
  const servedNewestFirst = [...served.values()].sort((a, b) => b.session_height - a.session_height);
  const jailedOnThisChain = jailBeganHere(history.raps);
  return el(
    'div',
    {},
    pageSection(`Node ${short(address, 10)}`, nodeFacts(node, signing, jailedOnThisChain)),
    section(
      'Stake history',
      el('p', { class: 'note' }, `How its stake, status and jail changed, block by block: checked at ${history.points.length} heights — each jail, unjail, slash and stake tx, the block before it, and samples in between.`),
      history.sent.complete ? null : el('p', { class: 'note' }, sentScanNote(history.sent)),
      table(
        ['blocks', 'stake', 'status', 'jailed'],
        history.runs.map(({ from, to, node: n }) => (n === undefined ? [heightRange(from, to), num('—'), 'not staked', '—'] : [heightRange(from, to), num(pokt(n.tokens)), STAKE_STATUS[n.status] ?? String(n.status), n.jailed ? 'yes' : 'no'])),
      ),
    ),
    section(
      `Sessions served (from its claims: ${count(served.size)}${sessions.total > sessions.lines.length ? `, of its latest ${count(sessions.lines.length)} claims` : ''})`,
      table(['session height', 'chain', 'app'], servedNewestFirst.map((c) => [link(`block/${c.session_height}`, String(c.session_height)), c.chain, appLink(c)])),
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
    ['app public key', code(h.app_public_key ?? '—')],
    // Shortened, one a line (the whole address is the link's tooltip): 24 full addresses wrapped on a phone read as one wall of hex.
    [`nodes (${session.nodes.length})`, el('div', {}, ...session.nodes.map((n) => el('div', {}, link(`node/${n.address}`, short(n.address, 10)))))],
  ]);
}

/**
 * A button per chain that asks /v1/client/dispatch for the app's current session. The first ask
 * after a block replays the log (seconds in `serve`), so the box shows a spinner and the buttons
 * are disabled until it answers.
 */
function sessionButtons(app: AppAnswer, sessionBox: HTMLElement): HTMLElement[] {
  const buttons = app.chains.map((chain) => {
    const button = el('button', { type: 'button' }, `current session on ${chain}`) as HTMLButtonElement;
    button.addEventListener('click', () => {
      for (const b of buttons) b.disabled = true;
      sessionBox.dataset['state'] = 'loading';
      sessionBox.replaceChildren(el('p', { class: 'loading', role: 'status' }, el('span', { class: 'spinner' }), `walking the session on ${chain} (the first time after a block replays the chain: a few seconds)…`));
      query<{ session: Parameters<typeof sessionFacts>[0] }>('client/dispatch', { app_public_key: app.public_key, chain })
        .then((answer) => sessionBox.replaceChildren(sessionFacts(answer.session)))
        .catch((error: unknown) => sessionBox.replaceChildren(el('p', { class: 'error' }, String(error instanceof Error ? error.message : error))))
        .finally(() => {
          for (const b of buttons) b.disabled = false;
          sessionBox.dataset['state'] = 'ready';
        });
    });
    return button;
  });
  return buttons;
}

export async function appPage(addressText: string): Promise<HTMLElement> {
  const address = addressOf(addressText);
  // The existence check first (query/actor answers null for "not an application", never 400).
  const actor = await query<ActorAnswer>('query/actor', { address });
  if (actor.app === null) throw notActor(address, 'application');
  const app = actor.app;
  const sent = await txSection('Sent txs', address, false);
  const sessionBox = el('div', {});
  const buttons = sessionButtons(app, sessionBox);
  return el(
    'div',
    {},
    pageSection(
      `Application ${short(address, 10)}`,
      facts([
        ['address', link(`account/${app.address}`, app.address)],
        ['public key', code(app.public_key)],
        ['status', `${STAKE_STATUS[app.status] ?? app.status}${app.jailed ? ', jailed' : ''}`],
        ['stake', amount(app.staked_tokens)],
        ['max relays per session', count(app.max_relays)],
        ['chains', app.chains.join(', ')],
        ['unstaking time', unstakingTime(app.unstaking_time)],
      ]),
    ),
    section('Sessions', el('div', { class: 'buttons' }, ...buttons), sessionBox),
    sent.view,
  );
}
