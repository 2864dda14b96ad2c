import type { RequestContext } from '../core/context';
import type { ReferenceCatalog } from './reference-catalog';

/** A request that can read the in-memory reference catalog (regions, municipalities, categories, ...). */
export interface CatalogContext extends RequestContext {
  catalog: () => Promise<ReferenceCatalog>;
}
