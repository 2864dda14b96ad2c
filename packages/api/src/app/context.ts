import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { SessionContext } from '../accounts/session-context';
import { ANONYMOUS, type RequestCredentials, resolveViewer, type Viewer } from '../accounts/auth';
import { createContractLoaders, type ContractLoaders } from '../contracts/contract.loaders';
import { loadConfig } from '../core/config';
import type { WithLoaders } from '../core/context';
import { createGeographyLoaders, type GeographyLoaders } from '../geography/geography.loaders';
import { createLicenceLoaders, type LicenceLoaders } from '../licences/licence.loaders';
import { createLocationLoaders, type LocationLoaders } from '../locations/location.loaders';
import { type Mailer, OutboxMailer } from '../mail/mailer';
import { createOrganizationLoaders, type OrganizationLoaders } from '../organizations/organization.loaders';
import type { ReferenceCache, ReferenceCatalog } from '../reference/reference-catalog';
import { projectionsOf } from './projections';
import { createServiceLoaders, type ServiceLoaders } from '../services/service.loaders';

/** Every module's request-scoped DataLoaders: each kind of child record costs one statement per page. */
export type Loaders = OrganizationLoaders & LocationLoaders & ServiceLoaders & LicenceLoaders & ContractLoaders & GeographyLoaders;

export function createLoaders(em: EntityManager): Loaders {
  return {
    ...createOrganizationLoaders(em),
    ...createLocationLoaders(em),
    ...createServiceLoaders(em),
    ...createLicenceLoaders(em),
    ...createContractLoaders(em),
    ...createGeographyLoaders(em),
  };
}

/** The one context object of a GraphQL request: it satisfies every module's context type. */
export type GraphQLContext = SessionContext & WithLoaders<Loaders>;

export function createContext(
  orm: MikroORM,
  reference: ReferenceCache,
  logger: Logger,
  credentials: RequestCredentials = ANONYMOUS,
  mailer: Mailer = new OutboxMailer(logger),
  publicUrl: string = loadConfig().publicUrl,
): GraphQLContext {
  const em = orm.em.fork();
  let viewer: Promise<Viewer> | undefined;
  let catalog: ReferenceCatalog | undefined;
  const getViewer = () => (viewer ??= resolveViewer(em, credentials));
  return {
    em,
    loaders: createLoaders(em),
    catalog: () => reference.get().then((loaded) => (catalog = loaded)),
    loadedCatalog: () => catalog,
    logger,
    projections: projectionsOf(orm),
    credentials,
    viewer: getViewer,
    actor: async () => (await getViewer()).actor,
    mailer,
    publicUrl,
  };
}
