/**
 * Error pages: what went wrong in words, what a valid entry looks like, and where to go next — with
 * the service's coded error kept in small print for developers. A page throws a PageError for what
 * it can tell without asking (a malformed height, hash or address: no request is sent, so nothing
 * fails in the network log); an ApiError the service answered is turned into one here.
 */
import { ApiError, UnreachableError } from './api.js';
import { el, link } from './dom.js';

/** A way forward: an explorer route and its link text. */
export type Way = readonly [route: string, text: string];

export class PageError extends Error {
  constructor(
    readonly heading: string,
    readonly explanation: string,
    readonly ways: readonly Way[] = [['', 'the chain page →']],
    /** What the service answered, for developers (absent when no request was made). */
    readonly detail?: string,
  ) {
    super(`${heading}: ${explanation}`);
  }
}

const DAO = '6386713deb27b609daad5e2e32ee6591753e5f4e';
const HOME: Way = ['', 'the chain page →'];

export const badAddress = (text: string): PageError =>
  new PageError('Not an address', `“${clip(text)}” is not an address. An address is 40 hexadecimal characters (0–9, a–f), with or without 0x in front — for example ${DAO} (the DAO's account).`, [[`account/${DAO}`, 'the DAO account →'], HOME]);

export const badHash = (text: string): PageError =>
  new PageError('Not a transaction hash', `“${clip(text)}” is not a transaction hash. A tx hash is 64 hexadecimal characters (0–9, A–F); a block's transactions list links each one.`, [['blocks', 'the blocks →'], HOME]);

/** A tx page for a hash that names no tx: a block's hash links that block (query/hash found it), anything else says so. */
export const noSuchTx = (hash: string, blockHeight: number | undefined): PageError =>
  blockHeight === undefined
    ? new PageError('Transaction not found', `No transaction with the hash ${clip(hash)} is on this chain.`, [['blocks', 'the blocks →'], HOME])
    : new PageError('A block hash, not a transaction', `${clip(hash)} is the hash of block ${blockHeight}, not of a transaction.`, [[`block/${blockHeight}`, `block ${blockHeight} →`], HOME]);

export const badHeight = (text: string): PageError =>
  new PageError('Not a block height', `“${clip(text)}” is not a block height: blocks are numbered from 1 (block 1 follows the genesis state), so a height is a whole number from 1 to the chain's latest.`, [['blocks', 'the blocks →'], HOME]);

export const futureHeight = (height: number, head: number): PageError =>
  new PageError(`No block ${height} yet`, `The chain is at height ${head}: block ${height} has not been made yet.`, [[`block/${head}`, `the latest block, ${head} →`], ['blocks', 'the blocks →']]);

/** A height below an imported chain's first block: the chain holds its state at firstBlock − 1, not the blocks before. */
export const beforeFirstBlock = (height: number, firstBlock: number): PageError =>
  new PageError(`No block ${height} here`, `This chain was imported from the state exported at height ${firstBlock - 1}: its first block is ${firstBlock}, and the blocks before it are not on this chain.`, [[`block/${firstBlock}`, `the first block, ${firstBlock} →`], ['blocks', 'the blocks →']]);

export const unknownPage = (route: string): PageError =>
  new PageError('Page not found', `The explorer has no page “${clip(route)}”. Its pages are the chain, the blocks, nodes and applications lists, the parameters, and a block, transaction, account, node or application found with the search box.`, [HOME]);

/** A staked actor's page for an address that is not one at the latest height: its account page says what it is. */
export const notActor = (address: string, what: 'node' | 'application'): PageError =>
  new PageError(`Not ${what === 'node' ? 'a node' : 'an application'}`, `${address} is not a staked ${what === 'node' ? 'node (validator)' : 'application'} at the chain's latest height.`, [
    [`account/${address}`, 'its account page →'],
    [what === 'node' ? 'nodes' : 'apps', `all ${what}s →`],
  ]);

/** The service's error as a page: the cases a user reaches by a link or a search, then a generic one. */
export function fromApi(error: ApiError, route: string): PageError {
  const detail = `${error.code}, HTTP ${error.status}: ${error.message}`;
  const [name = ''] = route.split('/');
  if (error.code === 'tx_not_found') {
    return new PageError('Transaction not found', 'No transaction with this hash is on this chain.', [['blocks', 'the blocks →'], HOME], detail);
  }
  if (error.code === 'height_in_future' && typeof error.details['latest'] === 'number') {
    const latest = error.details['latest'];
    return new PageError('Not on the chain yet', `The chain is at height ${latest}; this page asked for a later one.`, [[`block/${latest}`, `the latest block, ${latest} →`], HOME], detail);
  }
  if (error.code === 'height_before_first_state' && typeof error.details['first'] === 'number') {
    const first = error.details['first'];
    return new PageError('Before this chain began', `This chain was imported from the state exported at height ${first}; this page asked for an earlier one.`, [[`block/${first + 1}`, `the first block, ${first + 1} →`], HOME], detail);
  }
  if (error.status === 503) return new PageError('The service cannot answer now', 'The query service could not read its data for this page. Try again later; if it lasts, its operator will find why in its log.', [HOME], detail);
  return new PageError('This page could not be shown', `The query API refused a request for ${name === '' ? 'the home' : `this ${name}`} page.`, [HOME], detail);
}

/** Any failure as a PageError: our own, the service's, or a bug (shown as what it says). */
export function asPageError(error: unknown, route: string): PageError {
  if (error instanceof PageError) return error;
  if (error instanceof ApiError) return fromApi(error, route);
  if (error instanceof UnreachableError) {
    return new PageError('The query service cannot be reached', 'The explorer got no answer from the query service that serves it: the service may have stopped, or the network to it is down. Reload this page once it is back.', [HOME], `POST /v1/${error.route}: ${error.reason}`);
  }
  return new PageError('This page could not be shown', 'Something failed while building it.', [HOME], error instanceof Error ? error.message : String(error));
}

export function errorView(error: PageError): HTMLElement {
  const ways = error.ways.map(([route, text]) => link(route, text));
  return el(
    'section',
    { class: 'error-page' },
    el('h1', {}, error.heading),
    el('p', {}, error.explanation),
    ways.length === 0 ? null : el('p', { class: 'ways' }, ...ways.flatMap((a, i) => (i === 0 ? [a] : [' · ', a]))),
    error.detail === undefined ? null : el('p', { class: 'dev' }, 'for developers: ', el('code', { class: 'wrap' }, error.detail)),
  );
}

/** Long input (a pasted paragraph) cut for the sentence that quotes it. */
function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
