/**
 * Where each page was scrolled, by its hash: saved when the user leaves it (a link, Back, or a
 * list's pager, which changes the URL with pushState and so fires no hashchange) and put back by
 * the router when a traversal (Back/Forward) returns to it (main.ts).
 */
export const scrolls = new Map<string, number>();

/** Keeps the current scroll position as the one of `hash` (the page about to be left). */
export function rememberScroll(hash: string): void {
  scrolls.set(hash, window.scrollY);
}
