import type { RequestContext } from '../core/context';
import type { ReferenceCatalog } from './reference-catalog';

/** A request that can read the in-memory reference catalog (regions, municipalities, categories, ...). */
export interface CatalogContext extends RequestContext {
  catalog: () => Promise<ReferenceCatalog>;
  /** The catalog once this request has loaded it (undefined before): lets field resolvers answer synchronously. */
  loadedCatalog: () => ReferenceCatalog | undefined;
}

/**
 * `use` of the catalog, synchronously when the request has it already. A page's field resolvers
 * (categories, municipalities) run thousands of times; a promise each costs more than the lookup.
 */
export function withCatalog<T>(ctx: CatalogContext, use: (catalog: ReferenceCatalog) => T): T | Promise<T> {
  const catalog = ctx.loadedCatalog();
  return catalog ? use(catalog) : ctx.catalog().then(use);
}
