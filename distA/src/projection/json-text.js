/**
 * `jsonText(value)` = `JSON.stringify(value, (k, v) => typeof v === 'bigint' ? v.toString() : v)`,
 * character for character.
 *
 * PERF: a replacer function takes JSON.stringify off V8's fast path and calls back into JS for
 * every key and value; the projection's JSON columns (amino JSON messages above all, reward plans,
 * claims, a block's last commit) were the largest part of making rows. Here one walk finds the
 * bigints and copies only the objects and arrays on their path (most messages hold none and are
 * not copied at all), then JSON.stringify runs without a replacer. A value holding anything but
 * plain objects, arrays and primitives (a class instance, an object with toJSON, a boxed
 * primitive) takes the replacer path, so the output never differs (json-text.test.ts holds the two
 * equal on generated values).
 */
const bigintAsText = (_key, value) => (typeof value === 'bigint' ? value.toString() : value);
/** The reference form (what jsonText must equal). */
export function jsonTextWithReplacer(value) {
    return JSON.stringify(value, bigintAsText);
}
export function jsonText(value) {
    const plain = withoutBigints(value);
    return plain === UNUSUAL ? jsonTextWithReplacer(value) : JSON.stringify(plain);
}
const UNUSUAL = Symbol('not plain JSON data');
function isPlainObject(value) {
    const prototype = Object.getPrototypeOf(value);
    return (prototype === Object.prototype || prototype === null) && typeof value.toJSON !== 'function';
}
/** `value` with every bigint as its decimal string (copy on write: untouched parts are shared), or UNUSUAL. */
function withoutBigints(value) {
    if (typeof value === 'bigint')
        return value.toString();
    if (typeof value !== 'object' || value === null)
        return value;
    if (Array.isArray(value)) {
        let copy;
        for (let i = 0; i < value.length; i++) {
            const item = withoutBigints(value[i]);
            if (item === UNUSUAL)
                return UNUSUAL;
            if (item !== value[i])
                (copy ??= value.slice())[i] = item;
        }
        return copy ?? value;
    }
    if (!isPlainObject(value))
        return UNUSUAL;
    const object = value;
    let copy;
    for (const key of Object.keys(object)) {
        const item = withoutBigints(object[key]);
        if (item === UNUSUAL)
            return UNUSUAL;
        // The spread copies an own "__proto__" key as a data property, so assigning it stays a data write.
        if (item !== object[key])
            (copy ??= { ...object })[key] = item;
    }
    return copy ?? value;
}
//# sourceMappingURL=json-text.js.map