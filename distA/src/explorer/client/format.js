/** Display formats. Amounts arrive as decimal strings of uPOKT (1 POKT = 10^6 uPOKT) and stay exact. */
/** "1234567890" uPOKT → "1,234.56789 POKT" (BigInt: amounts exceed 2^53). Example: "5000001" → "5.000001 POKT". */
export function pokt(upokt) {
    if (upokt === null || upokt === undefined || !/^-?[0-9]+$/.test(upokt))
        return '—';
    const value = BigInt(upokt);
    const sign = value < 0n ? '-' : '';
    const abs = value < 0n ? -value : value;
    const whole = (abs / 1000000n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    const fraction = (abs % 1000000n).toString().padStart(6, '0').replace(/0+$/, '');
    return `${sign}${whole}${fraction === '' ? '' : '.' + fraction} POKT`;
}
/** uPOKT → POKT as a float, for the chart only (a plot needs no exactness). */
export function poktNumber(upokt) {
    return Number(BigInt(upokt) / 1000n) / 1_000;
}
export function short(hash, keep = 10) {
    return hash.length <= keep * 2 ? hash : `${hash.slice(0, keep)}…${hash.slice(-4)}`;
}
/** RFC 3339 from the API → "2026-12-02 22:28:57 UTC" (the ledger's times are UTC). */
export function time(rfc3339) {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(rfc3339);
    return match === null ? rfc3339 : `${match[1]} ${match[2]} UTC`;
}
export const STAKE_STATUS = { 0: 'unstaked', 1: 'unstaking', 2: 'staked' };
