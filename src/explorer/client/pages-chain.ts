/** Pages of the chain itself: home (head, recent blocks, supply chart), a block, a tx, the parameters. */
import { query, type BlockAnswer, type LedgerPage, type PocketPage, type AppAnswer, type SupplyLine, type TxAnswer, type TxPage } from './api.js';
import { el, facts, json, link, section, table } from './dom.js';
import { count, pokt, poktNumber, short, time } from './format.js';

const RECENT_BLOCKS = 10;
const SUPPLY_POINTS = 1_000;

async function blockAt(height: number): Promise<BlockAnswer> {
  return query<BlockAnswer>('query/block', { height });
}

function blockRow(block: BlockAnswer): HTMLElement[] {
  const h = block.block.header;
  return [link(`block/${h.height}`, h.height), el('span', {}, time(h.time)), el('span', {}, h.num_txs), link(`account/${h.proposer_address.toLowerCase()}`, short(h.proposer_address.toLowerCase())), el('code', {}, short(block.block_id.hash))];
}

export async function homePage(): Promise<HTMLElement> {
  const { height } = await query<{ height: number }>('query/height');
  const heights = Array.from({ length: Math.min(RECENT_BLOCKS, height) }, (_, i) => height - i);
  const [blocks, supply, apps] = await Promise.all([
    Promise.all(heights.map(blockAt)),
    query<LedgerPage<SupplyLine>>('query/supplyhistory', { from_height: Math.max(0, height - SUPPLY_POINTS + 1), to_height: height, per_page: SUPPLY_POINTS }),
    query<PocketPage<AppAnswer>>('query/apps', { opts: { page: 1, per_page: 20 } }),
  ]);
  const head = blocks[0]?.block.header;
  return el(
    'div',
    {},
    section('Chain head', facts([['height', link(`block/${height}`, String(height))], ['chain', head?.chain_id ?? '—'], ['time', head === undefined ? '—' : time(head.time)], ['txs so far', count(head?.total_txs ?? '0')]])),
    section('Recent blocks', table(['height', 'time', 'txs', 'proposer', 'hash'], blocks.map(blockRow))),
    section('Supply', supplyChart(supply.result), supplyFacts(supply.result.at(-1))),
    section('Applications', table(['address', 'chains', 'staked'], (apps.result ?? []).map((a) => [link(`app/${a.address}`, short(a.address)), a.chains.join(', '), pokt(a.staked_tokens)]))),
    el('p', {}, link('params', 'parameters →')),
  );
}

function supplyFacts(last: SupplyLine | undefined): HTMLElement | null {
  if (last === undefined) return null;
  return facts([['total', pokt(last.total)], ['node staked', pokt(last.node_staked)], ['app staked', pokt(last.app_staked)], ['DAO', pokt(last.dao)], ['as of', link(`block/${last.height}`, String(last.height))]]);
}

interface ChartGlobal {
  new (canvas: HTMLCanvasElement, config: unknown): unknown;
}

function supplyChart(lines: readonly SupplyLine[]): HTMLElement {
  const canvas = el('canvas', { id: 'supply-chart', height: '110' }) as HTMLCanvasElement;
  const Chart = (window as unknown as { Chart?: ChartGlobal }).Chart;
  if (Chart === undefined) return el('p', { class: 'error' }, 'chart.js did not load');
  // The total (hundreds of millions) on its own right-hand axis, so the pools stay readable.
  const series = (label: string, pick: (s: SupplyLine) => string, color: string, yAxisID = 'y'): unknown => ({ label, yAxisID, data: lines.map((s) => poktNumber(pick(s))), borderColor: color, pointRadius: 0, borderWidth: 2 });
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: lines.map((s) => s.height),
      datasets: [series('total', (s) => s.total, '#1f77b4', 'total'), series('node staked', (s) => s.node_staked, '#2ca02c'), series('app staked', (s) => s.app_staked, '#ff7f0e'), series('DAO', (s) => s.dao, '#9467bd')],
    },
    options: { animation: false, responsive: true, scales: { x: { title: { display: true, text: 'height' } }, y: { title: { display: true, text: 'pools, POKT' } }, total: { position: 'right', title: { display: true, text: 'total, POKT' } } } },
  });
  return el('div', { class: 'chart' }, canvas);
}

export function txRows(txs: readonly TxAnswer[]): HTMLElement[][] {
  return txs.map((tx) => [
    link(`tx/${tx.hash}`, short(tx.hash)),
    link(`block/${tx.height}`, String(tx.height)),
    el('span', {}, tx.tx_result.message_type || '—'),
    tx.tx_result.signer === '' ? el('span', {}, '—') : link(`account/${tx.tx_result.signer.toLowerCase()}`, short(tx.tx_result.signer.toLowerCase())),
    tx.tx_result.recipient === '' ? el('span', {}, '—') : link(`account/${tx.tx_result.recipient.toLowerCase()}`, short(tx.tx_result.recipient.toLowerCase())),
    resultCell(tx.tx_result),
  ]);
}

/** "ok", or a failure's codespace:code with its log as the tooltip (why, in the ledger's words). */
function resultCell(result: TxAnswer['tx_result']): HTMLElement {
  return result.code === 0 ? el('span', { class: 'ok' }, 'ok') : el('span', { class: 'rejected', title: result.log }, `${result.codespace}:${result.code}`);
}

export const TX_HEADERS = ['hash', 'height', 'message', 'signer', 'recipient', 'result'];

export async function blockPage(heightText: string): Promise<HTMLElement> {
  const height = Number(heightText);
  const [block, txs] = await Promise.all([blockAt(height), query<TxPage>('query/allblocktxs', { height, page: 1, per_page: 1_000 })]);
  const h = block.block.header;
  const signed = (block.block.last_commit.precommits ?? []).filter((vote) => vote !== null).length;
  return el(
    'div',
    {},
    section(
      `Block ${h.height}`,
      facts([
        ['hash', el('code', {}, block.block_id.hash)],
        ['time', time(h.time)],
        ['proposer', link(`account/${h.proposer_address.toLowerCase()}`, h.proposer_address.toLowerCase())],
        ['previous', height > 1 ? link(`block/${height - 1}`, block.block.header.last_block_id.hash) : 'genesis'],
        ['tx root', el('code', {}, h.data_hash)],
        ['app hash (state root before)', el('code', {}, h.app_hash)],
        ['last commit', `${signed} validators signed`],
        ['double-sign evidence', String(block.block.evidence.evidence?.length ?? 0)],
        ['txs', count(txs.total_txs)],
      ]),
    ),
    section('Transactions', table(TX_HEADERS, txRows(txs.txs))),
  );
}

export async function txPage(hash: string): Promise<HTMLElement> {
  const tx = await query<TxAnswer>('query/tx', { hash });
  const r = tx.tx_result;
  return el(
    'div',
    {},
    section(
      'Transaction',
      facts([
        ['hash', el('code', {}, tx.hash)],
        ['block', link(`block/${tx.height}`, `${tx.height} (index ${tx.index})`)],
        ['message', r.message_type || '—'],
        ['result', resultCell(r)],
        ['signer', r.signer === '' ? '—' : link(`account/${r.signer.toLowerCase()}`, r.signer.toLowerCase())],
        ['recipient', r.recipient === '' ? '—' : link(`account/${r.recipient.toLowerCase()}`, r.recipient.toLowerCase())],
        ['fee', (tx.stdTx.fee ?? []).map((coin) => (coin.denom === 'upokt' ? `${pokt(coin.amount)} (${coin.amount} upokt)` : `${coin.amount} ${coin.denom}`)).join(', ') || '—'],
        ['memo', tx.stdTx.memo || '—'],
      ]),
    ),
    section('Receipt log', el('pre', { class: 'json' }, r.log || '(empty)')),
    section('Decoded message', json(tx.stdTx.msg)),
  );
}

interface SingleParam {
  readonly param_key: string;
  readonly param_value: string;
}

export async function paramsPage(): Promise<HTMLElement> {
  const params = await query<Record<string, readonly SingleParam[]>>('query/allparams');
  return el('div', {}, ...Object.entries(params).map(([group, list]) => section(group, table(['key', 'value'], list.map((p) => [el('code', {}, p.param_key), paramValue(p)])))));
}

/**
 * A parameter's value as text, except the two structured ones pocket-core answers as JSON text:
 * the ACL (which address may change each parameter: a table, by parameter) and the upgrade
 * (version, height, feature heights). Anything that does not parse as expected stays text.
 */
function paramValue(param: SingleParam): HTMLElement {
  const value = parsedParam(param.param_value);
  if (param.param_key === 'gov/acl' && Array.isArray(value)) {
    const rows = value.filter((entry): entry is { acl_key: string; address: string } => typeof entry?.acl_key === 'string' && typeof entry?.address === 'string');
    rows.sort((a, b) => (a.acl_key < b.acl_key ? -1 : a.acl_key > b.acl_key ? 1 : 0));
    return table(['parameter', 'may be changed by'], rows.map((entry) => [el('code', {}, entry.acl_key), link(`account/${entry.address.toLowerCase()}`, entry.address.toLowerCase())]));
  }
  if (param.param_key === 'gov/upgrade' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const upgrade = value as { Height?: unknown; Version?: unknown; Features?: unknown };
    const features = Array.isArray(upgrade.Features) ? upgrade.Features.map(String) : [];
    return facts([
      ['version', String(upgrade.Version ?? '—')],
      ['height', String(upgrade.Height ?? '—')],
      ['features', features.length === 0 ? '—' : features.join(', ')],
    ]);
  }
  return el('code', {}, param.param_value);
}

/** The value inside pocket-core's `{"type": …, "value": …}` text, or the parsed text itself; null when it is not JSON. */
function parsedParam(text: string): unknown {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && 'value' in parsed && 'type' in parsed ? (parsed as { value: unknown }).value : parsed;
  } catch {
    return null;
  }
}
