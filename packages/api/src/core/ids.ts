import type { EntityManager, EntityName, FilterQuery, FindOneOptions, Loaded } from '@mikro-orm/core';
import { UserInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function requireUuid(value: string, field = 'id'): string {
  if (!isUuid(value)) throw new UserInputError(`"${field}" must be a UUID; got "${value.slice(0, 60)}".`, field);
  return value.toLowerCase();
}

/**
 * The record a client names by id, or null: an id that is not a UUID names nothing (PostgreSQL would
 * refuse the comparison instead), and ids compare in lower case, as they are stored.
 */
export async function findById<TEntity extends { id: string }, THint extends string = never>(
  em: EntityManager,
  entity: EntityName<TEntity>,
  id: string,
  options?: FindOneOptions<TEntity, THint>,
): Promise<Loaded<TEntity, THint> | null> {
  return isUuid(id) ? em.findOne(entity, { id: id.toLowerCase() } as FilterQuery<TEntity>, options) : null;
}
