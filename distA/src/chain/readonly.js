export {};
//# sourceMappingURL=readonly.js.map