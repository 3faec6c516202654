/**
 * The parameters page: governance's changes since genesis (query/paramhistory: the block, the
 * value before and after), then every parameter as pocket-core's query/allparams answers it, with the
 * structured ones shown as tables (the ACL, the upgrade, the supported chains) and the raw numbers
 * given their units beside them (durations are Go nanoseconds, amounts uPOKT).
 */
import { query } from './api.js';
import { amount, el, facts, link, table, type Child } from './dom.js';
import { ledgerSection } from './pager.js';
import { duration } from './format.js';

interface SingleParam {
  readonly param_key: string;
  readonly param_value: string;
}

/** Parameters whose value is a Go time.Duration in nanoseconds. */
const DURATIONS: ReadonlySet<string> = new Set(['application/AppUnstakingTime', 'pos/UnstakingTime', 'pos/DowntimeJailDuration', 'pos/MaxEvidenceAge']);
/** Parameters whose value is an amount of uPOKT. */
const AMOUNTS: ReadonlySet<string> = new Set(['application/ApplicationStakeMinimum', 'pos/StakeMinimum', 'pos/ServicerStakeFloorMultiplier', 'pos/ServicerStakeWeightCeiling']);
/** Other units, said in words. */
const UNITS: Readonly<Record<string, string>> = {
  'pos/RelaysToTokensMultiplier': 'uPOKT minted per relay (before PIP-22 weighting)',
  'pos/DAOAllocation': '% of relay rewards to the DAO',
  'pos/ProposerPercentage': '% of relay rewards to the block proposer',
  'pos/BlocksPerSession': 'blocks',
  'pos/SignedBlocksWindow': 'blocks',
  'pos/MaxJailedBlocks': 'blocks',
  'pocketcore/ClaimExpiration': 'sessions',
  'pocketcore/ClaimSubmissionWindow': 'sessions',
  'pocketcore/BlockByteSize': 'bytes',
  'application/BaseRelaysPerPOKT': '÷ 100 = relays per session per POKT an app stakes (before StabilityAdjustment)',
};

/** A value set by governance (query/paramhistory), with the one it replaced. */
interface ParamChange {
  readonly height: number;
  readonly param_key: string;
  readonly param_value: string;
  readonly previous_value: string | null;
}

export async function paramsPage(): Promise<HTMLElement> {
  const [params, changes] = await Promise.all([
    query<Record<string, readonly SingleParam[]>>('query/allparams'),
    // Newest changes are the interesting ones, but the route lists by height: every page is small.
    ledgerSection<ParamChange>('Changes since genesis', 'changes', 'query/paramhistory', { from_height: 1 }, ['height', 'parameter', 'before', 'after'], changeRow, 'none: every parameter has its genesis value'),
  ]);
  // Keys break only at '/' and values wrap in the width left (style.css: .params); on a phone the before value moves under the after one (.changes).
  changes.classList.add('params', 'changes');
  return el(
    'div',
    {},
    el('h1', { class: 'page-title' }, 'Parameters'),
    changes,
    ...Object.entries(params).map(([group, list]) => el('section', { class: 'params' }, el('h2', { title: group }, groupTitle(group)), table(['key', 'value'], list.map((p) => [keyCode(p.param_key), el('div', { class: 'prose' }, paramValue(p))])))),
  );
}

/**
 * A parameter key in monospace that may break after a '/' and, where a phone needs it, between
 * the words of a camel-case name ("pos/ | ServicerStake | Floor…") — never inside a word (it broke
 * as "applic / ation/"). Example: "pos/StakeMinimum" → "pos/", <wbr>, "Stake", <wbr>, "Minimum".
 */
export function keyParts(key: string): string[] {
  return key.split(/(?<=\/)|(?<=[a-z0-9])(?=[A-Z])/);
}

function keyCode(key: string): HTMLElement {
  const parts = keyParts(key);
  return el('code', { class: 'key' }, ...parts.flatMap((part, i) => (i === 0 ? [part] : [el('wbr'), part])));
}

/** pocket-core's allparams groups (query.go's field names) in words; an unknown one stays as named. */
const GROUPS: Readonly<Record<string, string>> = {
  app_params: 'Applications',
  node_params: 'Nodes (validators and servicers)',
  pocket_params: 'Relays, sessions and claims',
  gov_params: 'Governance',
  auth_params: 'Accounts and fees',
};

function groupTitle(group: string): string {
  return Object.hasOwn(GROUPS, group) ? GROUPS[group]! : group;
}

/**
 * A change as a row: the block, the key, the old and new values shown as the tables below show
 * values (units, the upgrade as facts) — except the ACL, whose ~50 entries are cut to those that
 * changed.
 */
function changeRow(change: ParamChange): HTMLElement[] {
  const key = change.param_key;
  const before = change.previous_value;
  const same = before === change.param_value;
  const shown = (value: string): HTMLElement => paramValue({ param_key: key, param_value: value });
  const [shownBefore, shownAfter] =
    key === 'gov/acl' && before !== null ? aclChanges(before, change.param_value) : [before === null ? el('span', {}, '— (not set before)') : shown(before), shown(change.param_value)];
  const after = el('div', { class: 'prose' }, same ? el('span', {}, shownAfter, el('span', { class: 'unit' }, ' — set to the same value')) : shownAfter);
  // A copy of the before value under the after one, drawn only on a phone (style.css .changes), where the before column is hidden: four columns cannot hold two amounts side by side, and an amount never breaks (dom.ts amount).
  const beforeUnder = el('div', { class: 'prose was' }, el('span', { class: 'unit' }, 'before: '), shownBefore.cloneNode(true));
  return [link(`block/${change.height}`, String(change.height)), keyCode(key), el('div', { class: 'prose' }, shownBefore), el('div', {}, after, beforeUnder)];
}

/** The ACL entries whose owner changed (or that came or went): before and after, one line each. */
function aclChanges(before: string, after: string): [HTMLElement, HTMLElement] {
  const [was, now] = [aclOwners(before), aclOwners(after)];
  const keys = [...new Set([...was.keys(), ...now.keys()])].filter((k) => was.get(k) !== now.get(k)).sort();
  const lines = (owners: Map<string, string>): HTMLElement =>
    keys.length === 0 ? el('span', {}, 'no entry changed') : el('div', {}, ...keys.map((k) => el('div', {}, keyCode(k), ' ', owners.has(k) ? link(`account/${owners.get(k)!}`, owners.get(k)!) : '—')));
  return [lines(was), lines(now)];
}

/** An ACL's text as parameter → owner address (lowercase); empty when it does not parse. */
function aclOwners(text: string): Map<string, string> {
  const value = parsedParam(text);
  const entries = Array.isArray(value) ? value.filter((e): e is { acl_key: string; address: string } => typeof e?.acl_key === 'string' && typeof e?.address === 'string') : [];
  return new Map(entries.map((e) => [e.acl_key, e.address.toLowerCase()]));
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

/** A number with its unit after it: "1814000000000000 — 20 days 23 hours 53 minutes 20 seconds". */
function withUnit(raw: string, ...unit: readonly Child[]): HTMLElement {
  return el('span', {}, el('code', {}, raw), el('span', { class: 'unit' }, ' — ', ...unit));
}

/**
 * A parameter's value: the ACL (which address may change each parameter) and the upgrade
 * (version, height, feature heights) as tables, the supported chains as a list, the DAO owner as
 * a link, units beside numbers. Anything that does not parse as expected stays text.
 */
function paramValue(param: SingleParam): HTMLElement {
  const key = param.param_key;
  const value = parsedParam(param.param_value);
  if (DURATIONS.has(key)) return withUnit(param.param_value, duration(param.param_value));
  // The POKT on one line (amount): a value's cell breaks anywhere (style.css .params … .prose), even at the unit's no-break space.
  if (AMOUNTS.has(key)) return withUnit(param.param_value, 'uPOKT = ', amount(param.param_value));
  if (Object.hasOwn(UNITS, key)) return withUnit(param.param_value, UNITS[key]!);
  if (key === 'gov/daoOwner' && /^[0-9a-fA-F]{40}$/.test(param.param_value)) return link(`account/${param.param_value.toLowerCase()}`, param.param_value.toLowerCase());
  if (key === 'pocketcore/SupportedBlockchains' && Array.isArray(value)) return el('span', {}, `${value.length} chains: ${value.map(String).join(', ')}`);
  if (key === 'gov/acl' && Array.isArray(value)) {
    const rows = value.filter((entry): entry is { acl_key: string; address: string } => typeof entry?.acl_key === 'string' && typeof entry?.address === 'string');
    rows.sort((a, b) => (a.acl_key < b.acl_key ? -1 : a.acl_key > b.acl_key ? 1 : 0));
    return table(['parameter', 'may be changed by'], rows.map((entry) => [keyCode(entry.acl_key), link(`account/${entry.address.toLowerCase()}`, entry.address.toLowerCase())]));
  }
  if (key === 'gov/upgrade' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
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
