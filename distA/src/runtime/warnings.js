/** The default sink: one line per warning on stderr (stdout stays the command's output). */
export const warnOnStderr = (warning) => {
    process.stderr.write(`warning [${warning.code}]: ${warning.message}\n`);
};
//# sourceMappingURL=warnings.js.map