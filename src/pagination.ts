/**
 * Walking a limit/skip list page by page. The API gives no total count, so the last page is the
 * first one shorter than the page size; a page of exactly the page size is followed by one more
 * request, which comes back empty. A server that ignores `skip` (or always answers a full page
 * of the same records) would make that walk endless: a page that brings only records of the
 * page before it ends the walk with `NO_PROGRESS`, before any of them is yielded.
 */
import { CivicPassError } from './errors.js';

/**
 * listAll's page size when none is given: the API's own default `limit`.
 *
 * @example
 * ```ts
 * civic.passes.listAll({ pageSize: DEFAULT_PAGE_SIZE * 5 });
 * ```
 */
export const DEFAULT_PAGE_SIZE = 20;

/**
 * How {@link paginate} walks: the page size, the caps, and what makes two records the same.
 *
 * @example
 * ```ts
 * const options: PaginateOptions<Pass> = { pageSize: 50, identity: (pass) => pass.id };
 * ```
 */
export interface PaginateOptions<T> {
  pageSize: number;
  /** Stop after this many pages. */
  maxPages?: number | undefined;
  /** Stop after this many records. */
  maxItems?: number | undefined;
  /** A record's identity, to see a page that repeats the one before it. */
  identity: (record: T) => string;
}

/**
 * Yields every record of every page, fetching a page only when the previous one is used up, so
 * one page at a time is in memory and a caller's `break` stops the fetching. A page that fails is
 * retried by the transport with the same `skip`; if it still fails the iteration throws, and no
 * record was skipped or repeated. Only the identities of the page before are kept, so memory
 * stays O(page): a server that cycles through two or more pages, or shifts a page by a few
 * records, is not caught here (`maxPages` / `maxItems` bound those).
 *
 * @example
 * ```ts
 * const all = paginate((skip, limit) => fetchRecords({ skip, limit }), { pageSize: 50, identity: (r) => r.id });
 * for await (const record of all) console.log(record);
 * ```
 */
export async function* paginate<T>(
  fetchPage: (skip: number, limit: number) => Promise<readonly T[]>,
  options: PaginateOptions<T>,
): AsyncGenerator<T, void, undefined> {
  const { pageSize, identity } = options;
  const maxPages = options.maxPages ?? Number.POSITIVE_INFINITY;
  const maxItems = options.maxItems ?? Number.POSITIVE_INFINITY;
  let skip = 0;
  let pages = 0;
  let items = 0;
  let previous: Set<string> | undefined;
  for (;;) {
    if (pages >= maxPages) return;
    const records = await fetchPage(skip, pageSize);
    pages += 1;
    const ids = new Set(records.map(identity));
    const before = previous;
    if (before && records.length > 0 && [...ids].every((id) => before.has(id))) {
      throw new CivicPassError(
        `the list made no progress: the page at skip ${skip} holds only records of the page before it (the server seems to ignore skip); stopped after ${pages} pages`,
        { code: 'NO_PROGRESS' },
      );
    }
    previous = ids;
    for (const record of records) {
      if (items >= maxItems) return;
      items += 1;
      yield record;
    }
    if (records.length < pageSize) return;
    if (items >= maxItems) return;
    // Advance by what came back, so a server that returns more than asked skips nothing.
    skip += records.length;
  }
}
