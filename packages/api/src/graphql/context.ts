import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { ANONYMOUS, type RequestCredentials, resolveViewer, type Viewer } from '../accounts/auth';
import type { Actor } from '../accounts/policy';
import { type Mailer, OutboxMailer } from '../mail/mailer';
import type { ReferenceCache, ReferenceCatalog } from '../reference/reference-catalog';
import { createLoaders, type Loaders } from './loaders';

export interface GraphQLContext {
  /** A fork of the EntityManager for this request only: its identity map dies with the request. */
  em: EntityManager;
  loaders: Loaders;
  catalog: () => Promise<ReferenceCatalog>;
  logger: Logger;
  /** The session token the request presented (cookie or bearer), and where to set the cookie. */
  credentials: RequestCredentials;
  /** The signed-in session and user, looked up once per request and only when asked for. */
  viewer: () => Promise<Viewer>;
  actor: () => Promise<Actor | null>;
  mailer: Mailer;
}

export function createContext(
  orm: MikroORM,
  reference: ReferenceCache,
  logger: Logger,
  credentials: RequestCredentials = ANONYMOUS,
  mailer: Mailer = new OutboxMailer(logger),
): GraphQLContext {
  const em = orm.em.fork();
  let viewer: Promise<Viewer> | undefined;
  const getViewer = () => (viewer ??= resolveViewer(em, credentials));
  return {
    em,
    loaders: createLoaders(em),
    catalog: () => reference.get(),
    logger,
    credentials,
    viewer: getViewer,
    actor: async () => (await getViewer()).actor,
    mailer,
  };
}
