import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ReferenceCache, ReferenceCatalog } from '../reference/reference-catalog';
import { createLoaders, type Loaders } from './loaders';

export interface GraphQLContext {
  /** A fork of the EntityManager for this request only: its identity map dies with the request. */
  em: EntityManager;
  loaders: Loaders;
  catalog: () => Promise<ReferenceCatalog>;
  logger: Logger;
}

export function createContext(orm: MikroORM, reference: ReferenceCache, logger: Logger): GraphQLContext {
  const em = orm.em.fork();
  return { em, loaders: createLoaders(em), catalog: () => reference.get(), logger };
}
