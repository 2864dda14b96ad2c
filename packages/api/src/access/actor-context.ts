import type { CatalogContext } from '../reference/catalog-context';
import type { Actor } from './policy';

/** A request whose signed-in actor (if any) the policy can judge; looked up once, only when asked for. */
export interface ActorContext extends CatalogContext {
  actor: () => Promise<Actor | null>;
}
