import { type EntityMetadata, ReferenceKind } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

type Constructor<T> = abstract new (...args: any[]) => T;

interface Plan {
  prototype: object;
  scalars: [property: string, column: string, isDate: boolean][];
  embedded: [parent: string, child: string, column: string, embeddable: Constructor<object>][];
  references: [property: string, column: string][];
}

const plans = new WeakMap<object, Plan>();

function planOf(meta: EntityMetadata): Plan {
  const cached = plans.get(meta);
  if (cached) return cached;
  const plan: Plan = { prototype: meta.class.prototype, scalars: [], embedded: [], references: [] };
  for (const prop of meta.props) {
    if (prop.persist === false || !prop.fieldNames?.length) continue;
    if (prop.kind === ReferenceKind.SCALAR && prop.embedded) {
      const parent = meta.properties[prop.embedded[0]];
      plan.embedded.push([prop.embedded[0], prop.embedded[1], prop.fieldNames[0], parent.embeddable as Constructor<object>]);
    } else if (prop.kind === ReferenceKind.SCALAR) {
      // Raw rows carry timestamps as text (MikroORM's pg type parsers); entities hold Dates.
      plan.scalars.push([prop.name, prop.fieldNames[0], prop.runtimeType === 'Date']);
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE) {
      plan.references.push([prop.name, prop.fieldNames[0]]);
    }
  }
  plans.set(meta, plan);
  return plan;
}

/**
 * Rows of a public read as read-only instances of an entity class: the same properties the resolvers
 * read (embedded texts, references as { id }), without MikroORM's identity map, change-tracking
 * snapshots and collections. A page of organizations with their services and sites is read, never
 * written back; building managed entities for it cost about half of the API's CPU per page
 * (docs/benchmarks.md). Writes always load managed entities through the EntityManager.
 */
export function readOnly<T extends object>(em: EntityManager, entity: Constructor<T>, row: Record<string, unknown>): T {
  const plan = planOf(em.getMetadata().get(entity.name));
  const target = Object.create(plan.prototype) as Record<string, any>;
  for (const [property, column, isDate] of plan.scalars) {
    if (!(column in row)) continue;
    const value = row[column];
    target[property] = isDate && value !== null && value !== undefined && !(value instanceof Date) ? new Date(value as string) : value;
  }
  for (const [parent, child, column, embeddable] of plan.embedded) {
    const holder = (target[parent] ??= Object.create(embeddable.prototype));
    holder[child] = row[column] ?? null;
  }
  for (const [property, column] of plan.references) {
    const id = row[column];
    target[property] = id === null || id === undefined ? null : { id };
  }
  return target as T;
}
