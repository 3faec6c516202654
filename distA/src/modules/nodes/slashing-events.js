export {};
//# sourceMappingURL=slashing-events.js.map