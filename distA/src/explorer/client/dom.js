export function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs))
        node.setAttribute(name, value);
    for (const child of children) {
        if (child === null || child === undefined || child === false)
            continue;
        node.append(child instanceof Node ? child : String(child));
    }
    return node;
}
/** A link inside the explorer (hash routes: #/block/5, #/tx/AB…, #/account/…, #/node/…, #/app/…). */
export function link(route, text) {
    return el('a', { href: `#/${route}` }, text);
}
export function section(title, ...children) {
    return el('section', {}, el('h2', {}, title), ...children);
}
/** A two-column table of label → value. */
export function facts(rows) {
    return el('table', { class: 'facts' }, ...rows.map(([label, value]) => el('tr', {}, el('th', {}, label), el('td', {}, value))));
}
/** A table with a header row; `empty` is shown when there are no rows. */
export function table(headers, rows, empty = 'none') {
    if (rows.length === 0)
        return el('p', { class: 'empty' }, empty);
    return el('table', { class: 'list' }, el('tr', {}, ...headers.map((h) => el('th', {}, h))), ...rows.map((cells) => el('tr', {}, ...cells.map((cell) => el('td', {}, cell)))));
}
/** Pretty-printed JSON in a <pre> (decoded messages, receipts). */
export function json(value) {
    return el('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}
