const quote = (value) => {
    const text = value === null ? '' : String(value);
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
export function auditCsv(summary) {
    const rows = [['height', 'account', 'line', 'expected', 'recorded'].join(',')];
    for (const m of summary.mismatch_list)
        rows.push([m.height, m.account, m.line, m.expected, m.recorded].map(quote).join(','));
    return rows.join('\n') + '\n';
}
//# sourceMappingURL=csv.js.map