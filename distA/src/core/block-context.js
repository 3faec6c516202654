export {};
//# sourceMappingURL=block-context.js.map