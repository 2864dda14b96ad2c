import { type EntityMetadata, type MetadataStorage, ReferenceKind } from '@mikro-orm/core';
import { PerObjectMemo } from './memo';
import type { GraphQLResolveInfo } from 'graphql';
import { type FieldsByTypeName, parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';

/**
 * Selection → SQL: the public read path asks PostgreSQL for exactly the fields a GraphQL query
 * selects, nested lists included, as one JSON value per row (json_build_object, json_agg), and the
 * field resolvers pass the resulting plain objects through. No ORM entity is built for a read.
 *
 * Each domain module says how the fields of its types compile (a TypeProjection); the app layer
 * assembles them into one ProjectionRegistry. A field a projection does not name compiles to the
 * entity column of the same property (MikroORM metadata), or, failing that, to nothing: its field
 * resolver then computes it from what `always` provides (usually the id) with a DataLoader.
 */

/** SQL over the alias of the row the object is built from. */
export type Expr = (alias: string) => string;

/** A column of the row. */
export const column = (name: string): Expr => (alias) => `${alias}.${name}`;

/** Properties of the compiled object: an expression, or a nested object whose keys merge (names: { sq, en }). */
export type Props = Record<string, Expr | Record<string, Expr>>;

/** A list of child objects built in PostgreSQL and kept under `prop` on the parent object. */
export interface NestedList {
  prop: string;
  /** The GraphQL type of the items, whose projection compiles them. */
  type: string;
  /** `from … where …` over the child alias, correlated to the parent alias. */
  source: (child: string, parent: string) => string;
  orderBy: (child: string) => string;
}

export interface FieldNeeds {
  props?: Props;
  list?: NestedList;
}

/** What one GraphQL field needs; a function when it depends on the field's arguments (name(lang)). */
export type FieldProjection = FieldNeeds | ((args: Record<string, unknown>) => FieldNeeds);

export interface TypeProjection {
  /** The GraphQL object type. */
  type: string;
  /** The MikroORM entity whose columns back the type's plain fields. */
  entity?: string;
  /** Properties every compiled object carries (ids that field resolvers and loaders start from). */
  always?: Props;
  fields: Record<string, FieldProjection>;
}

/**
 * What a field resolver's @Root() receives on the read path: a plain object with (some of) the
 * entity's properties, never an ORM entity. Declaring the root as Row<Entity> rather than Entity
 * matters: for a class type, type-graphql converts every root that is not an instance of it by
 * constructing one (for an entity class, a MikroORM entity with its setters and collections) on every
 * field call.
 */
export type Row<T> = { [K in keyof T]: T[K] };

/** The properties a field resolver reads for a nested list when the compiled object carries it. */
export function prefetched<T>(root: object, prop: string): T[] | undefined {
  const value = (root as Record<string, unknown>)[prop];
  return Array.isArray(value) ? (value as T[]) : undefined;
}

/** Variants kept per field node (different variables), the oldest dropped all at once. */
const MAX_COMPILED_PER_NODE = 50;

const quote = (key: string) => `'${key.replace(/'/g, "''")}'`;

/** json_build_object takes at most 100 arguments: wider objects are concatenated from chunks. */
function jsonObject(entries: [string, string][]): string {
  if (!entries.length) return `'{}'::json`;
  const chunks: string[] = [];
  for (let i = 0; i < entries.length; i += 50) {
    chunks.push(`json_build_object(${entries.slice(i, i + 50).map(([k, v]) => `${quote(k)}, ${v}`).join(', ')})`);
  }
  return chunks.length === 1 ? chunks[0] : `(${chunks.map((c) => `${c}::jsonb`).join(' || ')})::json`;
}

interface Plan {
  props: Map<string, string | Map<string, string>>;
  lists: Map<string, { list: NestedList; trees: FieldsByTypeName[] }>;
}

export class ProjectionRegistry {
  private readonly types = new Map<string, { entity?: EntityMetadata; always: Props; fields: Record<string, FieldProjection> }>();

  /** `interfaces`: the interfaces whose selected fields apply to every type (Node). */
  constructor(
    metadata: MetadataStorage,
    projections: TypeProjection[],
    private readonly interfaces: string[] = [],
  ) {
    for (const projection of projections) {
      const known = this.types.get(projection.type) ?? { always: {}, fields: {} };
      if (projection.entity) known.entity = metadata.get(projection.entity);
      Object.assign(known.always, projection.always);
      for (const [field, needs] of Object.entries(projection.fields)) {
        if (field in known.fields) throw new Error(`Two projections compile ${projection.type}.${field}`);
        known.fields[field] = needs;
      }
      this.types.set(projection.type, known);
    }
  }

  /** SQL compiled per field node (Apollo keeps one parsed document per query text), key and variables. */
  private readonly compiled = new PerObjectMemo<string>(MAX_COMPILED_PER_NODE);

  /**
   * `build()` once per field node of the query, `key` and variable values, then from memory: what a
   * selection compiles to depends on nothing else (projections read the fields' arguments only), and
   * reading the selection and compiling it cost a few per cent of a hot page's CPU on every request.
   */
  memo(info: GraphQLResolveInfo, key: string, build: () => string): string {
    return this.compiled.get(info.fieldNodes[0], `${key}\u0000${JSON.stringify(info.variableValues ?? {})}`, build);
  }

  /** Whether the registry can compile this field of this type (the coverage test asks it for every field). */
  covers(type: string, field: string): boolean {
    const known = this.types.get(type);
    return Boolean(known && (field in known.fields || this.columnOf(known.entity, field)));
  }

  /** The selection under the field being resolved (its sub-fields for `type`), from the resolve info. */
  static selection(info: GraphQLResolveInfo): FieldsByTypeName {
    return (parseResolveInfo(info) as ResolveTree | null)?.fieldsByTypeName ?? {};
  }

  /** A sub-selection: the fields of `path` (field names, as in the query) under a selection, for `types`. */
  static under(selection: FieldsByTypeName, type: string, path: string[]): FieldsByTypeName[] {
    let level: FieldsByTypeName[] = [selection];
    let current = type;
    for (const name of path) {
      const next: FieldsByTypeName[] = [];
      for (const byType of level) for (const tree of Object.values(byType[current] ?? {})) if (tree.name === name) next.push(tree.fieldsByTypeName);
      level = next;
      current = Object.keys(level[0] ?? {})[0] ?? current;
    }
    return level;
  }

  /**
   * SQL for one JSON object of `type` over the row aliased `alias`, holding what the selections ask
   * for. `typename` adds __typename (for interface fields such as node).
   */
  compile(type: string, selections: FieldsByTypeName[], alias: string, options: { typename?: boolean } = {}): string {
    let counter = 0;
    const next = () => `${alias}_${++counter}`;
    return this.build(type, selections, alias, next, options.typename ?? false);
  }

  private build(type: string, selections: FieldsByTypeName[], alias: string, next: () => string, typename: boolean): string {
    const known = this.types.get(type);
    if (!known) throw new Error(`No projection for the GraphQL type ${type}`);
    const plan: Plan = { props: new Map(), lists: new Map() };
    addProps(plan, known.always, alias);
    for (const selection of selections) {
      const trees = [type, ...this.interfaces].flatMap((key) => Object.values(selection[key] ?? {}));
      for (const tree of trees) {
        if (tree.name === '__typename') continue;
        const projection = known.fields[tree.name];
        const needs = typeof projection === 'function' ? projection(tree.args) : projection;
        if (needs) {
          if (needs.props) addProps(plan, needs.props, alias);
          if (needs.list) {
            const entry = plan.lists.get(needs.list.prop) ?? { list: needs.list, trees: [] };
            entry.trees.push(tree.fieldsByTypeName);
            plan.lists.set(needs.list.prop, entry);
          }
          continue;
        }
        const column = this.columnOf(known.entity, tree.name);
        if (column) addProps(plan, { [tree.name]: column }, alias);
      }
    }
    const entries: [string, string][] = typename ? [['__typename', quote(type)]] : [];
    for (const [prop, value] of plan.props) entries.push([prop, typeof value === 'string' ? value : jsonObject([...value])]);
    for (const [prop, { list, trees }] of plan.lists) {
      const child = next();
      const item = this.build(list.type, trees, child, next, false);
      entries.push([prop, `(select coalesce(json_agg(${item} order by ${list.orderBy(child)}), '[]'::json) from ${list.source(child, alias)})`]);
    }
    return jsonObject(entries);
  }

  /** The column behind a plain field: an entity property of the same name (embedded texts as objects, references as { id }). */
  private columnOf(entity: EntityMetadata | undefined, field: string): Props[string] | undefined {
    const prop = entity?.properties[field];
    if (!entity || !prop || prop.persist === false) return undefined;
    if (prop.kind === ReferenceKind.EMBEDDED) {
      const embedded: Record<string, Expr> = {};
      for (const child of Object.values(prop.embeddedProps)) embedded[child.embedded![1]] = (a) => `${a}.${child.fieldNames[0]}`;
      return embedded;
    }
    if (prop.kind === ReferenceKind.MANY_TO_ONE) return { id: (a) => `${a}.${prop.fieldNames[0]}` };
    if (prop.kind !== ReferenceKind.SCALAR || !prop.fieldNames?.length) return undefined;
    return (a) => `${a}.${prop.fieldNames[0]}`;
  }
}

function addProps(plan: Plan, props: Props, alias: string) {
  for (const [prop, value] of Object.entries(props)) {
    if (typeof value === 'function') {
      plan.props.set(prop, value(alias));
      continue;
    }
    const existing = plan.props.get(prop);
    const merged = existing instanceof Map ? existing : new Map<string, string>();
    for (const [key, expr] of Object.entries(value)) merged.set(key, expr(alias));
    plan.props.set(prop, merged);
  }
}
