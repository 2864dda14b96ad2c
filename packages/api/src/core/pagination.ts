import { ArgsType, Field, Int, ObjectType } from 'type-graphql';
import { UserInputError } from './errors';

import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page-size';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field(() => Boolean, { description: 'Whether more items follow this page.' }) hasNextPage!: boolean;
  @Field(() => Boolean, { description: 'True when the page was requested after a cursor.' }) hasPreviousPage!: boolean;
  @Field(() => String, { description: 'Cursor of the first edge of the page; null on an empty page.', nullable: true }) startCursor!: string | null;
  @Field(() => String, { description: 'Cursor of the last edge of the page; pass it as after for the next page. Null on an empty page.', nullable: true }) endCursor!: string | null;
}

/**
 * The `first` and `after` arguments of a paged list, written once: `@Args(() => PageArgs) { first, after }: PageArgs`
 * puts both in the field's SDL next to its own arguments.
 */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { description: 'Page size: how many items to return, 1 to 100 (default 20).', nullable: true }) first?: number;
  @Field(() => String, { description: 'Cursor after which the page starts (pageInfo.endCursor of the previous page); unset: the first page.', nullable: true }) after?: string;
}

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0) throw new UserInputError('"first" must be a whole number from 0 to 100.', 'first');
  if (first > MAX_PAGE_SIZE) throw new UserInputError(`"first" may be at most ${MAX_PAGE_SIZE}; got ${first}. Page through the rest with "after".`, 'first');
  return first;
}

/** An opaque cursor: the order it belongs to, the sort value of the row and its id (the tie-breaker). */
export interface CursorPosition {
  order: string;
  value: string | null;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.order, position.value, position.id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedOrder: string): CursorPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    typeof decoded[0] !== 'string' ||
    !(typeof decoded[1] === 'string' || decoded[1] === null) ||
    typeof decoded[2] !== 'string' ||
    !UUID.test(decoded[2]) ||
    // eslint-disable-next-line no-control-regex
    (typeof decoded[1] === 'string' && (decoded[1].length > 1000 || /[\u0000-\u001f]/.test(decoded[1])))
  ) {
    throw new UserInputError('"after" is not a valid cursor: pass the cursor of an edge or pageInfo.endCursor unchanged.', 'after');
  }
  if (decoded[0] !== expectedOrder) {
    throw new UserInputError(`"after" is a cursor for the order ${decoded[0]}, but this query is ordered by ${expectedOrder}.`, 'after');
  }
  return { order: decoded[0], value: decoded[1], id: decoded[2] };
}
