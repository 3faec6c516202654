const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';
export const NS_PER_SECOND = 1000000000n;
/** Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant). */
function daysFromCivil(year, month, day) {
    const y = month <= 2 ? year - 1 : year;
    const era = Math.floor(y / 400);
    const yoe = y - era * 400;
    const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
    const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
}
function civilFromDays(days) {
    const z = days + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}
function daysInMonth(year, month) {
    if (month === 2)
        return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
    return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
/** RFC 3339 (with up to 9 fractional digits) → ns since epoch; undefined if malformed. */
export function parseRfc3339Ns(text) {
    const m = RFC3339.exec(text);
    if (m === null)
        return undefined;
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        return undefined;
    const fraction = BigInt((m[7] ?? '').padEnd(9, '0') || '0');
    let offsetSeconds = 0;
    if (m[9] !== undefined) {
        const offsetHours = Number(m[10]);
        const offsetMinutes = Number(m[11]);
        if (offsetHours > 23 || offsetMinutes > 59)
            return undefined;
        offsetSeconds = (m[9] === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
    }
    const seconds = BigInt(daysFromCivil(year, month, day)) * 86400n + BigInt(hour * 3600 + minute * 60 + second - offsetSeconds);
    return seconds * NS_PER_SECOND + fraction;
}
/** ns since epoch → RFC 3339 UTC as Go's time.RFC3339Nano writes it (trailing zeros trimmed). */
export function formatRfc3339Ns(timeNs) {
    let seconds = timeNs / NS_PER_SECOND;
    let fraction = timeNs % NS_PER_SECOND;
    if (fraction < 0n) {
        fraction += NS_PER_SECOND;
        seconds -= 1n;
    }
    let days = seconds / 86400n;
    let rest = seconds % 86400n;
    if (rest < 0n) {
        rest += 86400n;
        days -= 1n;
    }
    const [year, month, day] = civilFromDays(Number(days));
    const secs = Number(rest);
    const pad = (n, width = 2) => String(n).padStart(width, '0');
    const frac = fraction === 0n ? '' : '.' + fraction.toString().padStart(9, '0').replace(/0+$/, '');
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}${frac}Z`;
}
/** Go zero time ↔ null; anything else must parse. Returns undefined when malformed. */
export function parseOptionalTime(text) {
    const value = parseRfc3339Ns(text);
    if (value === undefined)
        return undefined;
    return value === parseRfc3339Ns(GO_ZERO_TIME) ? null : value;
}
export function formatOptionalTime(value) {
    return value === null ? GO_ZERO_TIME : formatRfc3339Ns(value);
}
//# sourceMappingURL=time.js.map