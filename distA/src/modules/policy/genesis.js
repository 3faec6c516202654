export {};
//# sourceMappingURL=genesis.js.map