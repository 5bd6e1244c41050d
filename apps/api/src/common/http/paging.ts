import { ApiProperty } from '@nestjs/swagger';
import { BoundedInt } from './int';

/** Response header carrying the number of rows a paged array endpoint holds in all. */
export const TOTAL_HEADER = 'X-Total-Count';

/** The largest offset accepted: far past any real list, small enough to stay an integer everywhere. */
const MAX_OFFSET = 1_000_000;

export interface PageQuery {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * Query DTO base with `limit` (1..max, default given) and `offset` (0..1 000 000, default 0).
 * `base` adds the endpoint's own filters. A limit above the maximum is a 400 VALIDATION_FAILED, like any other bad query value.
 */
export function PagedQuery<B extends object = object>(defaultLimit: number, maxLimit: number, base: new () => B = Object as unknown as new () => B) {
  class PagedQueryDto extends (base as new () => object) implements PageQuery {
    @BoundedInt({ min: 1, max: maxLimit, default: defaultLimit, optional: true, query: true, description: `Rows per page (default ${defaultLimit}, at most ${maxLimit})` })
    limit?: number;

    @BoundedInt({ max: MAX_OFFSET, default: 0, optional: true, query: true, description: 'Rows to skip' })
    offset?: number;
  }
  return PagedQueryDto as unknown as new () => B & PageQuery;
}

/**
 * Response DTO base for a page sent as an object: `base`'s fields plus the whole list's `total`
 * (described as `totalDescription`) and the `limit` and `offset` the page was read with.
 */
export function PagedResponse<B extends object>(base: new () => B, totalDescription: string) {
  class PagedResponseDto extends (base as new () => object) {
    @ApiProperty({ description: totalDescription }) total!: number;
    @ApiProperty() limit!: number;
    @ApiProperty() offset!: number;
  }
  return PagedResponseDto as unknown as new () => B & { total: number; limit: number; offset: number };
}

/** The limit and offset a query asked for, with the endpoint's default limit. */
export function pageWindow(query: PageQuery, defaultLimit: number): { limit: number; offset: number } {
  return { limit: query.limit ?? defaultLimit, offset: query.offset ?? 0 };
}

/**
 * A page read in SQL (issue 17): `rows` carry the whole list's size in `total_rows` (a window
 * count); a page past the end has no row to carry it, and `countAll` is asked instead.
 */
export async function pageFromRows<R extends { total_rows: number | string }, T>(
  rows: R[],
  window: { limit: number; offset: number },
  map: (row: R) => T,
  countAll: () => Promise<number>,
): Promise<Page<T>> {
  const total = rows[0] ? Number(rows[0].total_rows) : window.offset > 0 ? await countAll() : 0;
  return { items: rows.map(map), total, ...window };
}

/** One page of an already ordered list, with the list's length as the total. */
export function pageOf<T>(all: readonly T[], query: PageQuery, defaultLimit: number): Page<T> {
  const limit = query.limit ?? defaultLimit;
  const offset = query.offset ?? 0;
  return { items: all.slice(offset, offset + limit), total: all.length, limit, offset };
}

/** OpenAPI `headers` for an array endpoint that sends its total in TOTAL_HEADER. */
export const totalHeaderDoc = { [TOTAL_HEADER]: { description: 'How many rows the whole list holds', schema: { type: 'integer' } } };

/** Sends a page of an array endpoint: the rows as the body, the total in TOTAL_HEADER. */
export function sendPage<T>(res: { setHeader(name: string, value: string): unknown }, page: Page<T>): T[] {
  res.setHeader(TOTAL_HEADER, String(page.total));
  return page.items;
}
