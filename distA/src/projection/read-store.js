/** The store's server cannot be reached right now (the query service answers 503; a retry may succeed). */
export class ReadStoreUnavailable extends Error {
    code = 'database_unavailable';
}
/** `read` in one snapshot of `store` when it has them, else as is (no extra headers). */
export function inSnapshot(store, read) {
    if (store.snapshot !== undefined)
        return store.snapshot(read);
    return read().then((value) => ({ value, headers: {} }));
}
//# sourceMappingURL=read-store.js.map