export {};
//# sourceMappingURL=staking-events.js.map