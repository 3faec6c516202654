/** Whole lists, a page at a time: every block (newest first), every node, every application. */
import { query, type AppAnswer, type BlockAnswer, type NodeAnswer, type PocketPage } from './api.js';
import { el, link, section } from './dom.js';
import { count, pokt, short, STAKE_STATUS, time } from './format.js';
import { pagedTable, type Slice } from './pager.js';

const BLOCKS_PER_PAGE = 20;
const ACTORS_PER_PAGE = 50;

export const BLOCK_HEADERS = ['height', 'time', 'txs', 'proposer', 'hash'];

export function blockAt(height: number): Promise<BlockAnswer> {
  return query<BlockAnswer>('query/block', { height });
}

export function blockRow(block: BlockAnswer): HTMLElement[] {
  const h = block.block.header;
  const proposer = h.proposer_address.toLowerCase();
  return [link(`block/${h.height}`, h.height), el('span', {}, time(h.time)), el('span', {}, count(h.num_txs)), link(`node/${proposer}`, short(proposer)), el('code', {}, short(block.block_id.hash))];
}

/** Page `page` of `perPage` blocks counting down from `head`. */
export async function blocksDown(head: number, page: number, perPage: number): Promise<Slice> {
  const top = head - (page - 1) * perPage;
  const heights = Array.from({ length: Math.max(0, Math.min(perPage, top)) }, (_, i) => top - i);
  return { rows: (await Promise.all(heights.map(blockAt))).map(blockRow), total: head };
}

export async function blocksPage(): Promise<HTMLElement> {
  const { height } = await query<{ height: number }>('query/height');
  const first = await blocksDown(height, 1, BLOCKS_PER_PAGE);
  return section(`Blocks (${count(height)})`, pagedTable(BLOCK_HEADERS, BLOCKS_PER_PAGE, (page) => blocksDown(height, page, BLOCKS_PER_PAGE), first));
}

function nodeRow(n: NodeAnswer): HTMLElement[] {
  return [link(`node/${n.address}`, short(n.address)), el('span', {}, `${STAKE_STATUS[n.status] ?? n.status}${n.jailed ? ', jailed' : ''}`), el('span', {}, pokt(n.tokens)), el('span', {}, n.chains.join(', ')), el('span', {}, n.service_url)];
}

export function appRow(a: AppAnswer): HTMLElement[] {
  return [link(`app/${a.address}`, short(a.address)), el('span', {}, `${STAKE_STATUS[a.status] ?? a.status}${a.jailed ? ', jailed' : ''}`), el('span', {}, pokt(a.staked_tokens)), el('span', {}, count(a.max_relays)), el('span', {}, a.chains.join(', '))];
}

export const APP_HEADERS = ['address', 'status', 'stake', 'max relays', 'chains'];

/** A page of pocket-core's query/nodes or query/apps (`{opts: {page, per_page}}` → `{result, total_pages}`). */
export async function actorsPage<T>(route: string, page: number, perPage: number, row: (item: T) => HTMLElement[]): Promise<Slice> {
  const answer = await query<PocketPage<T>>(route, { opts: { page, per_page: perPage } });
  return { rows: (answer.result ?? []).map(row), total: 0, pages: Math.max(1, answer.total_pages) };
}

export async function nodesPage(): Promise<HTMLElement> {
  const load = (page: number): Promise<Slice> => actorsPage<NodeAnswer>('query/nodes', page, ACTORS_PER_PAGE, nodeRow);
  return section('Nodes', pagedTable(['address', 'status', 'stake', 'chains', 'service URL'], ACTORS_PER_PAGE, load, await load(1)));
}

export async function appsPage(): Promise<HTMLElement> {
  const load = (page: number): Promise<Slice> => actorsPage<AppAnswer>('query/apps', page, ACTORS_PER_PAGE, appRow);
  return section('Applications', pagedTable(APP_HEADERS, ACTORS_PER_PAGE, load, await load(1)));
}
