import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { ProjectionRegistry } from './projection';

/**
 * What every request carries, whatever the module. Each module widens it with what it adds
 * (reference/ the catalog, access/ the actor, accounts/ the session, a module its loaders), and the
 * app layer (app/context.ts) builds the one object that satisfies them all.
 */
export interface RequestContext {
  /** A fork of the EntityManager for this request only: its identity map dies with the request. */
  em: EntityManager;
  logger: Logger;
  /** How the public read path compiles a GraphQL selection to SQL (core/projection.ts). */
  projections: ProjectionRegistry;
}

/** A context that carries a module's request-scoped DataLoaders (combined in app/context.ts). */
export interface WithLoaders<L> {
  loaders: L;
}
