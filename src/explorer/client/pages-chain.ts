/** Pages of the chain itself: home (head, recent blocks, supply), a block, a tx, the parameters. */
import { chainSpan, query, type AppAnswer, type ChainSpan, type HashAnswer, type LedgerPage, type PocketPage, type RapSheetLine, type RewardLine, type SupplyLine, type TxAnswer, type TxPage } from './api.js';
import { amount, amountAndMicro, code, el, facts, json, link, num, pageSection, section, table, type Child } from './dom.js';
import { badHash, badHeight, beforeFirstBlock, futureHeight, noSuchTx } from './errors.js';
import { count, HASH, pokt, short, time } from './format.js';
import { moduleAccount, rewardPaidTo } from './modules.js';
import { lastCommitText } from './last-commit.js';
import { firstPage, pagedTable, type Slice } from './pager.js';
import { APP_HEADERS, appRow, BLOCK_HEADERS, blockAt, blocksDown } from './pages-lists.js';
import { supplyCharts, supplyFacts } from './supply.js';
import { messageRows, outcomeRows, roleText } from './tx-summary.js';

const RECENT_BLOCKS = 10;
const HOME_APPS = 20;
const SUPPLY_POINTS = 1_000;
const BLOCK_TXS_PER_PAGE = 50;

export async function homePage(): Promise<HTMLElement> {
  const span = await chainSpan();
  const height = span.head;
  const [blocks, supply, apps, head] = await Promise.all([
    blocksDown(span, 1, RECENT_BLOCKS),
    query<LedgerPage<SupplyLine>>('query/supplyhistory', { from_height: Math.max(0, height - SUPPLY_POINTS + 1), to_height: height, per_page: SUPPLY_POINTS }),
    query<PocketPage<AppAnswer>>('query/apps', { opts: { page: 1, per_page: HOME_APPS } }),
    headFacts(span),
  ]);
  const appRows = (apps.result ?? []).map(appRow);
  return el(
    'div',
    {},
    pageSection('Chain head', head),
    section('Recent blocks', table(BLOCK_HEADERS, blocks.rows), el('p', {}, link('blocks', 'all blocks →'))),
    section('Supply', supplyCharts(supply.result), supplyFacts(supply.result)),
    section('Applications', table(APP_HEADERS, appRows), el('p', {}, apps.total_pages > 1 ? `the first ${appRows.length}; ` : '', link('apps', 'all applications →'), ' · ', link('nodes', 'all nodes →'))),
    el('p', {}, link('params', 'parameters →')),
  );
}

/**
 * The head block's facts, or — on a chain imported from a state exported at H and not yet
 * extended (`init` + `project` of a pocket-core export) — the imported state's: the service
 * holds the state at H and no block, so there is no block H to ask for (it answered
 * block_not_found and the home page was an error page).
 */
async function headFacts(span: ChainSpan): Promise<HTMLElement> {
  if (span.head < span.firstBlock) {
    return facts([['height', `${span.head}: the state imported at height ${span.head}`], ['blocks', `no block yet: the first will be ${span.firstBlock}`]]);
  }
  const head = await blockAt(span.head);
  return facts([['height', link(`block/${span.head}`, String(span.head))], ['chain', head.block.header.chain_id], ['time', time(head.block.header.time)], ['txs so far', count(head.block.header.total_txs)]]);
}

/** A column of a tx list that a list may leave out because every row would say the same (txHeaders, txRows). */
export type SameInEveryRow = 'height' | 'signer' | 'recipient';

/**
 * A list's rows of txs, hashes and addresses shortened (first…last, the whole one in the link's
 * tooltip) so a row stays one line. `omit` drops the columns every row would repeat: a block's own
 * list its height, an account's sent list the signer (the account itself, linking to the page it
 * is on), its received list the recipient.
 */
export function txRows(txs: readonly TxAnswer[], omit: ReadonlySet<SameInEveryRow> = new Set()): HTMLElement[][] {
  const account = (address: string): HTMLElement => (address === '' ? el('span', {}, '—') : link(`account/${address.toLowerCase()}`, short(address.toLowerCase(), 6)));
  return txs.map((tx) => [
    el('span', {}, link(`tx/${tx.hash}`, short(tx.hash, 6)), ' ', resultMark(tx.tx_result)),
    ...(omit.has('height') ? [] : [link(`block/${tx.height}`, String(tx.height))]),
    el('span', {}, tx.tx_result.message_type || '—'),
    ...(omit.has('signer') ? [] : [account(tx.tx_result.signer)]),
    ...(omit.has('recipient') ? [] : [account(tx.tx_result.recipient)]),
    resultCell(tx.tx_result),
  ]);
}

/**
 * A tx's outcome as one mark beside its hash (✓ ok, ✗ failed, the code as its tooltip): the result
 * column is off-screen on a phone, the first column stays put (style.css).
 */
function resultMark(result: TxAnswer['tx_result']): HTMLElement {
  const ok = result.code === 0;
  return el('span', { class: `mark ${ok ? 'ok' : 'rejected'}`, title: ok ? 'ok' : `failed (${result.codespace}:${result.code})` }, ok ? '✓' : '✗', el('span', { class: 'visually-hidden' }, ok ? ' ok' : ' failed'));
}

/** Reasons in lists are cut here (the whole log is the tooltip and on the tx page). */
const REASON_CHARS = 60;

/** "ok", or a failure's codespace:code and the start of its reason (the whole log as the tooltip). */
function resultCell(result: TxAnswer['tx_result']): HTMLElement {
  if (result.code === 0) return el('span', { class: 'ok' }, 'ok');
  const reason = reasonOf(result.log);
  const shown = reason.length > REASON_CHARS ? `${reason.slice(0, REASON_CHARS)}…` : reason;
  return el('span', { class: 'rejected', title: result.log }, `${result.codespace}:${result.code}`, shown === '' ? '' : el('span', { class: 'reason' }, ` ${shown}`));
}

/**
 * The names of the receipt codes (`ledger:11` → claim_already_exists), from the table the explorer
 * serves beside its client (index.ts); empty when it cannot be loaded (the code is still shown).
 */
let codeNameTable: Promise<Readonly<Record<string, string>>> | undefined;
function codeNames(): Promise<Readonly<Record<string, string>>> {
  // A URL built at run time: the file exists only as served, not among the compiled client modules.
  const url = new URL('./code-names.js', import.meta.url).href;
  codeNameTable ??= (import(url) as Promise<{ CODE_NAMES: Record<string, string> }>).then((m) => m.CODE_NAMES).catch(() => ({}));
  return codeNameTable;
}

/** A failed tx's result in words: "Failed", the code's name and number, and the reason from its log. Example: "Failed: claim_already_exists (ledger:11)" over "a claim for this session … is already pending". */
function failedResult(result: TxAnswer['tx_result'], name: string | undefined): HTMLElement {
  const reason = reasonOf(result.log);
  return el(
    'div',
    { class: 'failed-result' },
    el('div', { class: 'rejected' }, el('strong', {}, 'Failed'), name === undefined ? '' : ': ', name === undefined ? '' : el('code', {}, name), ` (${result.codespace}:${result.code})`),
    reason === '' ? '' : el('div', { class: 'reason' }, reason),
  );
}

/** The message inside pocket-core's ABCI log JSON ({codespace, code, message}), or the log as it is. */
function reasonOf(log: string): string {
  try {
    const parsed = JSON.parse(log) as { message?: unknown };
    return typeof parsed.message === 'string' ? parsed.message : log;
  } catch {
    return log;
  }
}

const TX_HEADERS = ['hash', 'height', 'message', 'signer', 'recipient', 'result'];

/** The headers of a tx list whose rows leave out `omit` (txRows). */
export function txHeaders(omit: ReadonlySet<SameInEveryRow> = new Set()): string[] {
  return TX_HEADERS.filter((header) => !omit.has(header as SameInEveryRow));
}

/** A block's own txs: no height column. */
const IN_A_BLOCK: ReadonlySet<SameInEveryRow> = new Set(['height']);

/** A block height from the URL: a whole number ≥ 1 (the API reads 0 as "the latest", which is not what a link to block 0 means). */
function heightOf(text: string): number {
  const height = /^[0-9]{1,15}$/.test(text) ? Number(text) : NaN;
  if (!(height >= 1)) throw badHeight(text);
  return height;
}

/** What the block did besides its txs: its mint and burn, the previous block's reward split (BeginBlock), and slashes and jails. */
async function blockEffects(height: number): Promise<HTMLElement> {
  const [supply, rewards, raps] = await Promise.all([
    query<LedgerPage<SupplyLine>>('query/supplyhistory', { from_height: height, to_height: height }),
    // BeginBlock's lines come first in a block (event 0), so the first page holds the block reward's.
    query<LedgerPage<RewardLine>>('query/rewards', { from_height: height, to_height: height, per_page: 20 }),
    query<LedgerPage<RapSheetLine>>('query/rapsheet', { from_height: height, to_height: height, per_page: 100 }),
  ]);
  const line = supply.result[0];
  const split = rewards.result.filter((r) => r.kind === 'block' && r.amount !== '0');
  // The DAO's cut has no address on its line: link the dao account it is paid to (rewardPaidTo), as the other module accounts are.
  const who = (line: RewardLine): HTMLElement => {
    const shown = rewardPaidTo(line);
    return shown === null ? el('span', {}, roleText(line.role)) : link(`account/${shown}`, moduleAccount(shown)?.name ?? short(shown, 6));
  };
  return section(
    'At this block',
    facts([
      ['minted (relay rewards)', line === undefined ? '—' : amount(line.minted)],
      ['burned', line === undefined ? '—' : amount(line.burned)],
      ['supply after it', line === undefined ? '—' : amount(line.total)],
    ]),
    el('h3', {}, 'Block reward (the fees and shares collected in the block before)'),
    table(['share', 'to', 'amount'], split.map((r) => [el('span', { title: r.role }, roleText(r.role)), who(r), num(pokt(r.amount))]), height === 1 ? 'none: block 1 has no block before it' : 'none'),
    el('h3', {}, 'Slashes, jails and unjails'),
    table(['node', 'kind', 'reason', 'amount', 'tx'], raps.result.map((r) => [link(`node/${r.address}`, short(r.address, 6)), el('span', {}, r.kind), el('span', {}, r.reason), num(pokt(r.amount)), r.tx_hash === null ? el('span', {}, '') : link(`tx/${r.tx_hash}`, short(r.tx_hash, 6))])),
  );
}

export async function blockPage(heightText: string): Promise<HTMLElement> {
  const height = heightOf(heightText);
  // The span first: a height past the head or before the first block is said in words, and the
  // block's five queries are not sent to fail.
  const { head, firstBlock } = await chainSpan();
  if (height > head) throw futureHeight(height, head);
  if (height < firstBlock) throw beforeFirstBlock(height, firstBlock);
  const loadTxs = async (page: number): Promise<Slice> => {
    const answer = await query<TxPage>('query/allblocktxs', { height, page, per_page: BLOCK_TXS_PER_PAGE });
    return { rows: txRows(answer.txs, IN_A_BLOCK), total: answer.total_txs };
  };
  const [block, txs, effects] = await Promise.all([blockAt(height), firstPage('txs', loadTxs, BLOCK_TXS_PER_PAGE), blockEffects(height)]);
  const h = block.block.header;
  const proposer = h.proposer_address.toLowerCase();
  return el(
    'div',
    {},
    pageSection(
      `Block ${h.height}`,
      facts([
        ['hash', code(block.block_id.hash)],
        ['time', time(h.time)],
        ['proposer', link(`node/${proposer}`, proposer)],
        ['previous', height > firstBlock ? el('span', {}, link(`block/${height - 1}`, String(height - 1)), ': ', code(block.block.header.last_block_id.hash)) : height === 1 ? 'none: the genesis state' : `none here: the state imported at height ${height - 1}`],
        ['next', height < head ? link(`block/${height + 1}`, String(height + 1)) : '— (the head of the chain)'],
        ['tx root', code(h.data_hash)],
        ['app hash (state root before)', code(h.app_hash)],
        ['last commit', lastCommitText(height, block.block.last_commit.precommits)],
        ['double-sign evidence', String(block.block.evidence.evidence?.length ?? 0)],
        ['txs', count(txs.slice.total)],
      ]),
    ),
    effects,
    section(`Transactions (${count(txs.slice.total)})`, pagedTable(txHeaders(IN_A_BLOCK), BLOCK_TXS_PER_PAGE, loadTxs, txs, 'txs')),
  );
}

function feeText(fee: TxAnswer['stdTx']['fee']): Child {
  const coins = (fee ?? []).map((coin) => (coin.denom === 'upokt' ? amountAndMicro(coin.amount) : `${coin.amount} ${coin.denom}`));
  return coins.length === 0 ? '—' : el('span', {}, ...coins.flatMap((coin, i) => (i === 0 ? [coin] : [', ', coin])));
}

export async function txPage(hashText: string): Promise<HTMLElement> {
  // Checked here, not by the API: a malformed hash gets its explanation without a refused request.
  const hash = hashText.trim().replace(/^0x/i, '').toUpperCase();
  if (!HASH.test(hash)) throw badHash(hashText);
  // Looked up first: query/tx answers an unknown hash with a 400, which the browser logs as an
  // error; query/hash says "no tx" (and whether it is a block's hash) without one.
  const found = await query<HashAnswer>('query/hash', { hash });
  if (found.tx === null) throw noSuchTx(hash, found.block?.height);
  const tx = await query<TxAnswer>('query/tx', { hash, height: found.height });
  const r = tx.tx_result;
  const [outcome, names] = await Promise.all([outcomeRows(tx), codeNames()]);
  return el(
    'div',
    {},
    pageSection(
      `Transaction ${short(tx.hash, 10)}`,
      facts([
        ['hash', code(tx.hash)],
        ['block', link(`block/${tx.height}`, `${tx.height} (index ${tx.index})`)],
        ['message', r.message_type || '—'],
        ['result', r.code === 0 ? resultCell(r) : failedResult(r, names[`${r.codespace}:${r.code}`])],
        ['signer', r.signer === '' ? '—' : link(`account/${r.signer.toLowerCase()}`, r.signer.toLowerCase())],
        ...messageRows(tx.stdTx.msg),
        ...outcome,
        ['fee', feeText(tx.stdTx.fee)],
        ['memo', tx.stdTx.memo || '—'],
      ]),
    ),
    section('Receipt log', el('pre', { class: 'json' }, r.log || '(empty: pocket-core writes no log for a tx that succeeds)')),
    section('Decoded message', json(tx.stdTx.msg)),
  );
}
