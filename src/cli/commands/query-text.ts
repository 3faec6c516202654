/**
 * `query`'s answers for people (--json keeps pocket-core's raw shapes): labels instead of
 * field names, stakes in uPOKT with POKT beside, status words instead of pocket's numbers
 * (0 unstaked, 1 unstaking, 2 staked), "unstaking: no" instead of Go's zero time
 * 0001-01-01T00:00:00Z, "none" for an empty output address or delegator list.
 */
import { upoktAndPoktText } from '../../core/pokt-text.js';
import { GO_ZERO_TIME } from '../../core/time.js';
import type { AppJson } from '../../modules/apps/index.js';
import type { NodeJson, Page } from '../../modules/nodes/index.js';
import { counted } from '../output.js';

const STATUS_WORDS: Readonly<Record<number, string>> = { 0: 'unstaked', 1: 'unstaking', 2: 'staked' };

function statusText(status: number, jailed: boolean): string {
  return `${STATUS_WORDS[status] ?? `status ${status}`}, ${jailed ? 'JAILED' : 'not jailed'}`;
}

function unstakingText(time: string): string {
  return time === GO_ZERO_TIME ? 'no' : `yes, completes at ${time}`;
}

function delegatorsText(delegators: NodeJson['reward_delegators']): string {
  const entries = Object.entries(delegators ?? {});
  return entries.length === 0 ? 'none' : entries.map(([address, share]) => `${address} ${share}%`).join(', ');
}

/** "label  value" lines under a heading, the labels padded to one column. */
function labelled(heading: string, rows: ReadonlyArray<readonly [string, string]>): string[] {
  const width = Math.max(...rows.map(([label]) => label.length));
  return [heading, ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)];
}

export function nodeText(node: NodeJson, height: number): string[] {
  return labelled(`node ${node.address} at height ${height}`, [
    ['status', statusText(node.status, node.jailed)],
    ['stake', upoktAndPoktText(BigInt(node.tokens))],
    ['chains', node.chains.join(', ')],
    ['service URL', node.service_url],
    ['unstaking', unstakingText(node.unstaking_time)],
    ['output address', node.output_address === '' ? 'none (rewards go to the operator)' : node.output_address],
    ['delegators', delegatorsText(node.reward_delegators)],
    ['public key', node.public_key],
  ]);
}

export function appText(app: AppJson, height: number): string[] {
  return labelled(`application ${app.address} at height ${height}`, [
    ['status', statusText(app.status, app.jailed)],
    ['stake', upoktAndPoktText(BigInt(app.staked_tokens))],
    ['max relays', `${BigInt(app.max_relays).toLocaleString('en-US')} per session`],
    ['chains', app.chains.join(', ')],
    ['unstaking', unstakingText(app.unstaking_time)],
    ['public key', app.public_key],
  ]);
}

/** One line per node or app: address, status, stake, chains; then which page this is. */
export function pageText(noun: 'node' | 'application', page: Page<NodeJson | AppJson>, height: number): string[] {
  const items = page.result ?? [];
  const rows = items.map((item) => {
    const stake = upoktAndPoktText(BigInt('tokens' in item ? item.tokens : item.staked_tokens));
    return `  ${item.address}  ${statusText(item.status, item.jailed).padEnd(22)}  ${stake}  chains ${item.chains.join(', ')}`;
  });
  // An empty page is pocket-core's zero Page {null, 0, 0} (nodes/queries.ts), whether nothing
  // matched or the page is past the last: "page 0 of 0" read as nonsense, so it is said in words.
  const where = items.length === 0 ? 'none on this page (nothing matches, or the page is past the last)' : `page ${page.page} of ${page.total_pages}`;
  const heading = `${counted(items.length, noun)} at height ${height}, ${where}`;
  return rows.length === 0 ? [heading] : [`${heading}:`, ...rows];
}
