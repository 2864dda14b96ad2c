import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CursorPosition, decodeCursor, encodeCursor, PageInfo, pageSize } from './pagination';

/**
 * The Relay connection types, written once. A module declares its pair by name, e.g.
 *   @ObjectType() class ContractEdge extends EdgeType(() => Contract) {}
 *   @ObjectType() class ContractConnection extends CountedConnectionType(ContractEdge) {}
 * which keeps the SDL's type names (ContractEdge, ContractConnection) and adds fields where a list needs
 * them (OrganizationEdge.distanceKm, ContractConnection.totalAmount).
 */
export function EdgeType<TNode extends object>(node: () => ClassType<TNode>) {
  // Never in the schema itself: only the named subclasses are referenced.
  @ObjectType()
  abstract class Edge {
    @Field(() => String, { description: 'Opaque cursor of this edge: pass it as after to read the items that follow.' }) cursor!: string;
    @Field(node, { description: 'The item.' }) node!: TNode;
  }
  return Edge;
}

/** A connection whose totalCount a field resolver computes (only when a client asks for it). */
export function ConnectionType<TEdge extends object>(edge: ClassType<TEdge>) {
  // Never in the schema itself: only the named subclasses are referenced.
  @ObjectType()
  abstract class Connection {
    @Field(() => [edge], { description: 'The items of this page, in order, each with its cursor.' }) edges!: TEdge[];
    @Field(() => PageInfo, { description: 'Cursors of the page and whether more items follow.' }) pageInfo!: PageInfo;
  }
  return Connection;
}

/** A connection that carries its totalCount. */
export function CountedConnectionType<TEdge extends object>(edge: ClassType<TEdge>) {
  // Never in the schema itself: only the named subclasses are referenced.
  @ObjectType()
  abstract class CountedConnection extends ConnectionType(edge) {
    @Field(() => Int, { description: 'How many items match, across all pages.' }) totalCount!: number;
  }
  return CountedConnection;
}

export interface KeysetPage<TRow> {
  /** The page's rows (at most `first`), each with its cursor. */
  rows: (TRow & { cursor: string })[];
  hasNextPage: boolean;
  pageInfo: PageInfo;
}

/**
 * One keyset page from rows fetched with `limit first + 1` after the cursor's position: the extra row
 * only says that a next page exists. Every list pages this way: the order (a sort value and the id as
 * the tie-breaker) is stable under concurrent writes, unlike offsets.
 */
export function keysetPage<TRow>(fetched: TRow[], first: number, after: string | null | undefined, positionOf: (row: TRow) => CursorPosition): KeysetPage<TRow> {
  const rows = fetched.slice(0, first).map((row) => Object.assign(row as TRow & object, { cursor: encodeCursor(positionOf(row)) }));
  const hasNextPage = fetched.length > first;
  return { rows, hasNextPage, pageInfo: pageInfoOf(rows.map((r) => r.cursor), hasNextPage, after) };
}

/** Page information of a forward page: hasPreviousPage says whether it was requested after a cursor. */
export function pageInfoOf(cursors: string[], hasNextPage: boolean, after: string | null | undefined): PageInfo {
  return { hasNextPage, hasPreviousPage: Boolean(after), startCursor: cursors[0] ?? null, endCursor: cursors.at(-1) ?? null };
}

/** The edges of a page: each row's cursor with the node made of it. */
export function edgesOf<TRow extends { cursor: string }, TNode>(rows: TRow[], nodeOf: (row: TRow, index: number) => TNode): { cursor: string; node: TNode }[] {
  return rows.map((row, index) => ({ cursor: row.cursor, node: nodeOf(row, index) }));
}

/** How a list of entities is ordered: one property, then the id, both the same way (the cursor keeps both). */
export interface EntityOrder<TEntity> {
  /** The order's name in its cursors: a cursor of another order is refused. */
  name: string;
  property: keyof TEntity & string;
  direction: 'asc' | 'desc';
  /** The property's value as the cursor keeps it (a string). */
  cursorValue: (entity: TEntity) => string;
  /** The cursor's value as the property compares (e.g. a Date); throws a UserInputError when it is not one. */
  parse?: (value: string | null) => unknown;
}

/**
 * One keyset page of an entity, with the total count of `where`: the query behind users and the revision
 * lists. The rows after the cursor are those past its value, or at its value with a larger (asc) or smaller
 * (desc) id; both queries run at once.
 */
export async function entityPage<TEntity extends { id: string }, TNode>(
  em: EntityManager,
  entity: new () => TEntity,
  where: Record<string, unknown>,
  { first, after }: { first?: number | null; after?: string | null },
  order: EntityOrder<TEntity>,
  nodeOf: (entity: TEntity) => TNode,
  populate: string[] = [],
): Promise<{ edges: { cursor: string; node: TNode }[]; pageInfo: PageInfo; totalCount: number }> {
  const size = pageSize(first);
  let filter = where;
  if (after) {
    const position = decodeCursor(after, order.name);
    const value = order.parse ? order.parse(position.value) : position.value;
    const past = order.direction === 'asc' ? '$gt' : '$lt';
    filter = { $and: [where, { $or: [{ [order.property]: { [past]: value } }, { [order.property]: value, id: { [past]: position.id } }] }] };
  }
  const orderBy = { [order.property]: order.direction, id: order.direction };
  const [rows, totalCount] = await Promise.all([
    em.find(entity, filter as never, { orderBy: orderBy as never, limit: size + 1, populate: populate as never }),
    em.count(entity, where as never),
  ]);
  const page = keysetPage(rows as TEntity[], size, after, (row) => ({ order: order.name, value: order.cursorValue(row), id: row.id }));
  return { edges: edgesOf(page.rows, nodeOf), pageInfo: page.pageInfo, totalCount };
}
