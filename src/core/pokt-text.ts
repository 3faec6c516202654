/**
 * Amounts for people: uPOKT (the ledger's unit, exact bigint) as POKT text, 1 POKT = 10^6 uPOKT,
 * thousands grouped, the fraction without trailing zeros.
 * Examples: 270785055n → "270.785055 POKT"; 4081000n → "4.081 POKT"; -1500000n → "-1.5 POKT".
 * The explorer's browser code has its own copy (src/explorer/client/format.ts `pokt`, from the
 * API's decimal strings): it is served from its own directory and cannot import this one.
 */
const UPOKT_PER_POKT = 1_000_000n;

export function poktText(upokt: bigint): string {
  const sign = upokt < 0n ? '-' : '';
  const magnitude = upokt < 0n ? -upokt : upokt;
  const whole = (magnitude / UPOKT_PER_POKT).toLocaleString('en-US');
  const fraction = (magnitude % UPOKT_PER_POKT).toString().padStart(6, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`} POKT`;
}

/** The exact uPOKT, grouped, and the POKT beside it. Example: 4081000n → "4,081,000 uPOKT (4.081 POKT)". */
export function upoktAndPoktText(upokt: bigint): string {
  return `${upokt.toLocaleString('en-US')} uPOKT (${poktText(upokt)})`;
}
