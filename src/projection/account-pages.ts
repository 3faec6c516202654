/**
 * Where a page of /v1/query/accounts starts, for both read stores (SQLite, PostgreSQL): after
 * the last address of the page before when that page was read (keyset), else by position.
 *
 * PERF: by position (OFFSET) a page reads every account before it — at ~46k accounts page 450
 * of 100 cost ~27 ms on SQLite and 0.36–0.5 s on PostgreSQL (a loaded machine), so a walk
 * through all pages (a state export, a client listing every account) was quadratic. After an
 * address, a page reads its own accounts only (docs/postgresql.md, "Accounts pages").
 *
 * Sound: at a projected height the ordered list of accounts never changes (rows ≤ the
 * checkpoint are final until a rollback or rebuild, which the checkpoint watch sees and then
 * `clear`s this), so page p of size n starts right after page p − 1's last address. Example:
 * accounts a, b, c, d, e, 2 a page: page 1 = [a, b] keeps "b"; page 2 = the 2 after "b" =
 * [c, d] keeps "d"; page 3 = after "d" = [e], short: the last page, nothing kept; page 3 asked
 * first (a jump) has no page 2 end: by position (OFFSET 4).
 */
import { BoundedCache } from '../core/bounded-cache.js';
import type { AccountRecord, AccountSelection, PageRequest } from './read-store.js';

/** Last addresses of account pages kept (selection, height, page size, page → address): ~60 bytes each. */
const ACCOUNT_PAGE_ENDS = 4_096;

export class AccountPageEnds {
  private readonly ends = new BoundedCache<string, string>(ACCOUNT_PAGE_ENDS);

  /** The address `page` starts after (its page before was read), or undefined: read it by position. */
  startAfter(height: number, page: PageRequest, which: AccountSelection): string | undefined {
    return page.page > 1 ? this.ends.get(endKey(height, page.perPage, page.page - 1, which)) : undefined;
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
