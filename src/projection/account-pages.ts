/**
 * Where a page of /v1/query/accounts starts, for both read stores (SQLite, PostgreSQL): after
 * the last address of the page before when that page was read (keyset), else — a jump — after
 * the account found by its position on a narrow index; either way the page itself is then read
 * after that address, its own accounts only.
 *
 * PERF: by position over the as-of join (OFFSET) a page read every account before it — at ~46k
 * accounts page 450 of 100 cost ~27 ms on SQLite and 0.36–0.5 s on PostgreSQL (a loaded
 * machine), so a walk through all pages (a state export, a client listing every account) was
 * quadratic. After an address, a page reads its own accounts only. A jump still counts its way
 * to its place, but over the accounts index (address, first_height) alone, minus the accounts
 * whose balance is zero for `withCoins` (migration 011; PostgreSQL 012): page 450 of 100 at
 * 46,618 accounts, medians, load average 13–14: SQLite 74 → 2.0 ms (`withCoins` 59 → 14 ms),
 * PostgreSQL 119 → 14 ms (129 → 21 ms) (docs/postgresql.md, "Accounts pages").
 *
 * Sound: at a projected height the ordered list of accounts never changes (rows ≤ the
 * checkpoint are final until a rollback or rebuild, which the checkpoint watch sees and then
 * `clear`s this), so page p of size n starts right after page p − 1's last address, which is
 * the account at position (p − 1)·n − 1 (from 0) of that list. Example: accounts a, b, c, d, e,
 * 2 a page: page 1 = after '' = [a, b] keeps "b"; page 2 = the 2 after "b" = [c, d] keeps "d";
 * page 3 = after "d" = [e], short: the last page, nothing kept; page 3 asked first (a jump) has
 * no page 2 end: after the account at position 3 = "d" → [e]; page 4 asked first: position 5
 * holds no account → an empty page.
 */
import { BoundedCache } from '../core/bounded-cache.js';
import type { AccountRecord, AccountSelection, PageRequest } from './read-store.js';

/** Where a page starts: after this address, or after the account at this position (a jump). */
export type PageStart = { readonly after: string } | { readonly position: number };

/** Last addresses of account pages kept (selection, height, page size, page → address): ~60 bytes each. */
const ACCOUNT_PAGE_ENDS = 4_096;

export class AccountPageEnds {
  private readonly ends = new BoundedCache<string, string>(ACCOUNT_PAGE_ENDS);

  /**
   * Where `page` starts: after an address (page 1: after '', below every address; a page whose
   * page before was read: after that page's last address), or — a jump — after the account at
   * `position` (from 0) of the selection at `height`, which the store looks up.
   */
  start(height: number, page: PageRequest, which: AccountSelection): PageStart {
    if (page.page === 1) return { after: '' };
    const after = this.ends.get(endKey(height, page.perPage, page.page - 1, which));
    return after === undefined ? { position: (page.page - 1) * page.perPage - 1 } : { after };
  }

  /** Keeps a full page's last address (a short page is the last: no page starts after it). */
  keep(height: number, page: PageRequest, which: AccountSelection, items: readonly AccountRecord[]): void {
    const last = items[items.length - 1];
    if (last !== undefined && items.length === page.perPage) this.ends.set(endKey(height, page.perPage, page.page, which), last.address);
  }

  clear(): void {
    this.ends.clear();
  }
}

const endKey = (height: number, perPage: number, page: number, which: AccountSelection): string => `${which}@${height}@${perPage}@${page}`;
