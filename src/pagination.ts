/**
 * Walking a limit/skip list page by page. The API gives no total count, so the last page is the
 * first one shorter than the page size; a page of exactly the page size is followed by one more
 * request, which comes back empty.
 */

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
 * Yields every record of every page, fetching a page only when the previous one is used up, so
 * one page at a time is in memory and a caller's `break` stops the fetching. A page that fails is
 * retried by the transport with the same `skip`; if it still fails the iteration throws, and no
 * record was skipped or repeated.
 *
 * @example
 * ```ts
 * const all = paginate((skip, limit) => fetchRecords({ skip, limit }), 50);
 * for await (const record of all) console.log(record);
 * ```
 */
export async function* paginate<T>(
  fetchPage: (skip: number, limit: number) => Promise<readonly T[]>,
  pageSize: number,
): AsyncGenerator<T, void, undefined> {
  let skip = 0;
  for (;;) {
    const records = await fetchPage(skip, pageSize);
    yield* records;
    if (records.length < pageSize) return;
    // Advance by what came back, so a server that returns more than asked skips nothing.
    skip += records.length;
  }
}
