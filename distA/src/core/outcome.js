export const accepted = (...events) => ({ ok: true, events });
export const rejected = (rejection) => ({ ok: false, rejection, events: [] });
export const rejectedWithSideEffects = (rejection, events) => ({ ok: false, rejection, events });
//# sourceMappingURL=outcome.js.map