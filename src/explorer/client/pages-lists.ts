/** Whole lists, a page at a time: every block (newest first), every node, every application. */
import { chainSpan, counted, query, type AppAnswer, type BlockAnswer, type ChainSpan, type NodeAnswer, type PocketPage } from './api.js';
import { el, link, num, pageSection, shortCode } from './dom.js';
import { count, pokt, short, STAKE_STATUS, time } from './format.js';
import { firstPage, pagedTable, type Slice } from './pager.js';

const BLOCKS_PER_PAGE = 20;
const ACTORS_PER_PAGE = 50;

export const BLOCK_HEADERS = ['height', 'time', 'txs', 'proposer', 'hash'];

export function blockAt(height: number): Promise<BlockAnswer> {
  return query<BlockAnswer>('query/block', { height });
}

export function blockRow(block: BlockAnswer): HTMLElement[] {
  const h = block.block.header;
  const proposer = h.proposer_address.toLowerCase();
  return [link(`block/${h.height}`, h.height), el('span', { class: 'nowrap' }, time(h.time)), num(count(h.num_txs)), link(`node/${proposer}`, short(proposer, 6)), shortCode(block.block_id.hash, short(block.block_id.hash, 6))];
}

/**
 * Page `page` of `perPage` blocks counting down from the head to the first block (an imported
 * chain's blocks start after its imported state: a block below is never asked for).
 * E.g. head 26, first block 21 (imported at 20), 4 a page: page 1 is 26..23, page 2 is 22, 21.
 */
export async function blocksDown(span: ChainSpan, page: number, perPage: number): Promise<Slice> {
  const top = span.head - (page - 1) * perPage;
  const heights = Array.from({ length: Math.max(0, Math.min(perPage, top - span.firstBlock + 1)) }, (_, i) => top - i);
  return { rows: (await Promise.all(heights.map(blockAt))).map(blockRow), total: Math.max(0, span.head - span.firstBlock + 1) };
}

export async function blocksPage(): Promise<HTMLElement> {
  const span = await chainSpan();
  const load = (page: number): Promise<Slice> => blocksDown(span, page, BLOCKS_PER_PAGE);
  const total = Math.max(0, span.head - span.firstBlock + 1);
  return pageSection(`Blocks (${count(total)})`, pagedTable(BLOCK_HEADERS, BLOCKS_PER_PAGE, load, await firstPage('page', load, BLOCKS_PER_PAGE), 'page'));
}

/** A stake on one line ("5,000,000 POKT" never splits between the number and its unit). */
const stake = (upokt: string): HTMLElement => num(pokt(upokt));
const status = (code: number, jailed: boolean): HTMLElement => el('span', {}, `${STAKE_STATUS[code] ?? code}${jailed ? ', jailed' : ''}`);

function nodeRow(n: NodeAnswer): HTMLElement[] {
  return [link(`node/${n.address}`, short(n.address, 8)), status(n.status, n.jailed), stake(n.tokens), el('span', { class: 'chains' }, n.chains.join(', ')), el('span', {}, n.service_url)];
}

export function appRow(a: AppAnswer): HTMLElement[] {
  return [link(`app/${a.address}`, short(a.address, 8)), status(a.status, a.jailed), stake(a.staked_tokens), num(count(a.max_relays)), el('span', { class: 'chains' }, a.chains.join(', '))];
}

export const APP_HEADERS = ['address', 'status', 'stake', 'max relays', 'chains'];

/**
 * A page of pocket-core's query/nodes or query/apps (`{opts: {page, per_page}}` → `{result,
 * total_pages}`), with the list's length from the service's x-total-count header so the title and
 * the count line can say how many there are.
 */
export async function actorsPage<T>(route: string, page: number, perPage: number, row: (item: T) => HTMLElement[]): Promise<Slice> {
  const { answer, total } = await counted<PocketPage<T>>(route, { opts: { page, per_page: perPage } });
  const rows = (answer.result ?? []).map(row);
  return Number.isSafeInteger(total) ? { rows, total } : { rows, total: 0, pages: Math.max(1, answer.total_pages) };
}

async function actorsSection<T>(title: string, route: string, headers: readonly string[], row: (item: T) => HTMLElement[]): Promise<HTMLElement> {
  const load = (page: number): Promise<Slice> => actorsPage<T>(route, page, ACTORS_PER_PAGE, row);
  const start = await firstPage('page', load, ACTORS_PER_PAGE);
  return pageSection(start.slice.pages === undefined ? `${title} (${count(start.slice.total)})` : title, pagedTable(headers, ACTORS_PER_PAGE, load, start, 'page'));
}

export function nodesPage(): Promise<HTMLElement> {
  return actorsSection<NodeAnswer>('Nodes', 'query/nodes', ['address', 'status', 'stake', 'chains', 'service URL'], nodeRow);
}

export function appsPage(): Promise<HTMLElement> {
  return actorsSection<AppAnswer>('Applications', 'query/apps', APP_HEADERS, appRow);
}
