/**
 * Display formats. Amounts arrive as decimal strings of uPOKT (1 POKT = 10^6 uPOKT) and stay exact.
 * The server side's POKT text is src/core/pokt-text.ts (the same digits; here the unit follows a
 * no-break space, UNIT_SPACE); the browser cannot import it: the explorer serves only its own
 * directory (src/explorer/index.ts).
 */

/**
 * Between an amount and its unit: a no-break space (U+00A0), so a narrow cell never puts "POKT" on
 * a line of its own — the amount is composed into sentences and links ("… staked: view node →")
 * as well as put in cells, so the text itself holds it together, wherever it is shown.
 */
export const UNIT_SPACE = '\u00a0';

/** "1234567890" uPOKT → "1,234.56789 POKT" (BigInt: amounts exceed 2^53; the space is UNIT_SPACE). Example: "5000001" → "5.000001 POKT". */
export function pokt(upokt: string | null | undefined): string {
  if (upokt === null || upokt === undefined || !/^-?[0-9]+$/.test(upokt)) return '—';
  const value = BigInt(upokt);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  const whole = count((abs / 1_000_000n).toString());
  const fraction = (abs % 1_000_000n).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction === '' ? '' : '.' + fraction}${UNIT_SPACE}POKT`;
}

/** uPOKT → POKT as a float, for the chart only (a plot needs no exactness). */
export function poktNumber(upokt: string): number {
  return Number(BigInt(upokt) / 1_000n) / 1_000;
}

/**
 * A count (a number or the API's decimal string) with thousands grouped, its sign kept: "2838" →
 * "2,838", "-1234" → "-1,234" (a max relays governance drove below zero). Anything else unchanged.
 */
export function count(value: number | string): string {
  const text = String(value);
  return /^-?[0-9]+$/.test(text) ? text.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : text;
}

/** An amount in uPOKT as signed, grouped (shown beside its POKT: dom.ts amountAndMicro): "10000" → "10,000 uPOKT" (the space is UNIT_SPACE). */
export function micro(upokt: string): string {
  return `${count(upokt)}${UNIT_SPACE}uPOKT`;
}

/** A long hash or address cut to its first `keep` and last 4 characters (the whole one goes in a tooltip or link). */
export function short(hash: string, keep = 10): string {
  return hash.length <= keep * 2 ? hash : `${hash.slice(0, keep)}…${hash.slice(-4)}`;
}

/** RFC 3339 from the API → "2026-12-02 22:28:57 UTC" (the ledger's times are UTC). */
export function time(rfc3339: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(rfc3339);
  return match === null ? rfc3339 : `${match[1]} ${match[2]} UTC`;
}

/**
 * pocket-core's "not set" times: Go's zero time (a validator or app that is not unstaking) and the
 * Unix epoch (a signing info's jailed_until before any jail: pocket-core creates it with
 * time.Unix(0, 0)). Shown as such, not as dates. Example: "0001-01-01T00:00:00Z" → true.
 */
export function isUnsetTime(rfc3339: string): boolean {
  return rfc3339.startsWith('0001-01-01T00:00:00') || rfc3339.startsWith('1970-01-01T00:00:00');
}

/** An unstaking time: its date, or "—" when not unstaking (Go's zero time). */
export function unstakingTime(rfc3339: string): string {
  return isUnsetTime(rfc3339) ? '— (not unstaking)' : time(rfc3339);
}

/**
 * The jail state from the node's flag and its signing info's jailed_until, which keeps the last
 * jail's end after an unjail. Examples: (false, epoch) → "not jailed"; (false, a past date) →
 * "not jailed (last jailed until …)"; (true, a date) → "jailed until …".
 */
export function jailState(jailed: boolean, jailedUntil: string): string {
  const until = isUnsetTime(jailedUntil) ? undefined : time(jailedUntil);
  if (jailed) return until === undefined ? 'jailed' : `jailed until ${until}`;
  return until === undefined ? 'not jailed' : `not jailed (last jailed until ${until})`;
}

export const STAKE_STATUS: Readonly<Record<number, string>> = { 0: 'unstaked', 1: 'unstaking', 2: 'staked' };

const NS_PER_SECOND = 1_000_000_000n;
const DURATION_UNITS: ReadonlyArray<readonly [bigint, string]> = [
  [86_400n, 'day'],
  [3_600n, 'hour'],
  [60n, 'minute'],
  [1n, 'second'],
];

/**
 * A duration in nanoseconds (pocket-core's parameters: Go's time.Duration) in words, largest units
 * first, whole seconds. Examples: "1814000000000000" → "20 days 23 hours 53 minutes 20 seconds";
 * "3600000000000" → "1 hour"; "500000000" → "0.5 seconds"; anything not an integer → "—".
 */
export function duration(nanoseconds: string): string {
  if (!/^[0-9]+$/.test(nanoseconds)) return '—';
  const ns = BigInt(nanoseconds);
  if (ns < NS_PER_SECOND) return `${Number(ns) / 1e9} seconds`;
  let seconds = ns / NS_PER_SECOND;
  const parts: string[] = [];
  for (const [size, unit] of DURATION_UNITS) {
    const amount = seconds / size;
    seconds %= size;
    if (amount > 0n) parts.push(`${amount} ${unit}${amount === 1n ? '' : 's'}`);
  }
  return parts.join(' ');
}

/**
 * An 18-decimal text rounded for reading to at most `places` decimals (half up on the magnitude),
 * trailing zeros dropped. Examples: "4.000000000000000149" → "4"; "0.909090909090909091" →
 * "0.909091"; "12" → "12". Not a decimal → unchanged.
 */
export function decimal(text: string, places = 6): string {
  const match = /^(-?)([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  if (match === null) return text;
  const [, sign, whole, fraction = ''] = match;
  const scaled = BigInt(whole! + fraction.padEnd(places + 1, '0').slice(0, places + 1));
  const rounded = (scaled + 5n) / 10n;
  const digits = rounded.toString().padStart(places + 1, '0');
  const decimals = digits.slice(-places).replace(/0+$/, '');
  return `${sign}${digits.slice(0, -places)}${decimals === '' ? '' : '.' + decimals}`;
}

/**
 * A governance param_value as it was signed: base64 of the value's amino JSON text (a change_param
 * message). Example: "IjIyOTYi" → "\"2296\"" → shown as 2296. Undecodable input → undefined.
 */
export function paramValueText(base64: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
  } catch {
    return undefined;
  }
}

/**
 * An address as typed or linked: a `0x` prefix (as wallets and other explorers write it) dropped and
 * lowercased, as the API answers it. Example: "0xABCD…" → "abcd…". Not checked for shape here.
 */
export function normalAddress(text: string): string {
  return text.trim().replace(/^0x/i, '').toLowerCase();
}

export const ADDRESS = /^[0-9a-f]{40}$/;
export const HASH = /^[0-9A-F]{64}$/;
