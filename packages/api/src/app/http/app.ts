import { expressMiddleware } from '@as-integrations/express5';
import type { ApolloServer } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import compression from 'compression';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from '../../core/config';
import { credentialsFromRequest } from '../../accounts/auth';
import { createContext, type GraphQLContext } from '../context';
import type { ReferenceCache } from '../../reference/reference-catalog';
import { exportRouter } from '../../exports/export.router';
import { contractableExportRouter } from '../../exports/contractable-export';
import { hsdsRouter } from '../../hsds/hsds.router';
import { importRouter } from '../../imports/import.router';
import { GRAPHIQL_HTML, graphiqlRouter } from './graphiql';
import type { Metrics } from './metrics';
import type { RequestRateLimiter } from './rate-limit';
import { jsonErrorHandler, jsonNotFound } from './error-handler';
import { requestLogger } from './request-log';
import { corsAllowList, securityHeaders } from './security';
import { serveWebApp } from './web-app';
import type { ResponseCache } from '../cache/response-cache';

export interface HttpDependencies {
  config: AppConfig;
  orm: MikroORM;
  logger: Logger;
  apollo: ApolloServer<GraphQLContext>;
  reference: ReferenceCache;
  metrics?: Metrics;
  rateLimiter?: RequestRateLimiter;
  /** Anonymous public reads answered from memory until the registry changes (RESPONSE_CACHE_MB). */
  responseCache?: ResponseCache;
}

/** The largest GraphQL request body: ample for any form (texts are capped at 10,000 characters), small enough to refuse floods early. */
export const GRAPHQL_BODY_LIMIT = '1mb';

/** Liveness, readiness (the database answers) and the web app's runtime settings. */
function mountProbes(app: Express, { config, orm, logger }: Pick<HttpDependencies, 'config' | 'orm' | 'logger'>): void {
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.fork().execute('select 1');
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed: database unreachable');
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  app.get('/config.json', async (_req, res) => {
    const [{ demo }] = await orm.em.fork().execute('select exists (select 1 from organization where is_demo) as demo');
    res.setHeader('Cache-Control', 'public, max-age=60');
    const [{ boundaries }] = await orm.em.fork().execute('select exists (select 1 from municipality where boundary is not null) as boundaries');
    res.json({
      tileUrl: config.mapTileUrl,
      tileAttribution: config.mapTileAttribution,
      demoData: Boolean(demo),
      boundaryAttribution: boundaries ? config.boundaryAttribution : null,
    });
  });
}

/** /graphql: GraphiQL for browsers, the API (through the response cache for anonymous reads) for clients. */
function mountGraphql(
  app: Express,
  { config, orm, logger, apollo, reference, responseCache }: Pick<HttpDependencies, 'config' | 'orm' | 'logger' | 'apollo' | 'reference' | 'responseCache'>,
): void {
  app.use(graphiqlRouter());
  app.get('/graphql', (req, res, next) => {
    // Browsers opening /graphql get GraphiQL; GET requests carrying a query go on to the API.
    if (req.query.query === undefined && req.accepts(['text/html', 'application/json']) === 'text/html') {
      res.type('html').send(GRAPHIQL_HTML);
      return;
    }
    next();
  });
  // Anonymous GET queries may be cached (graphql/http-cache.ts): caches must keep signed-in requests apart.
  app.get('/graphql', (_req, res, next) => {
    res.vary('Cookie');
    res.vary('Authorization');
    next();
  });
  const secureCookies = config.nodeEnv === 'production';
  app.use(
    '/graphql',
    express.json({ limit: GRAPHQL_BODY_LIMIT }),
    ...(responseCache ? [responseCache.middleware()] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const context = createContext(orm, reference, req.log ?? logger, credentialsFromRequest(req, res, { secureCookies }), undefined, config.publicUrl);
        responseCache?.bind(context, res);
        return context;
      },
    }),
  );
}

export function createHttpApp({ config, orm, logger, apollo, reference, metrics, rateLimiter, responseCache }: HttpDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  // Client addresses come from X-Forwarded-For only through the proxy hops TRUST_PROXY names (default
  // none): otherwise any client could name its own address and escape the per-address limits.
  app.set('trust proxy', config.trustProxy);
  app.use(requestLogger(logger));
  // mapPoints for 20,000 sites is about 7 MB of JSON and shrinks about 8x; exports stream through it too.
  app.use(compression({ threshold: 1024 }));
  if (metrics) app.use(metrics.httpMiddleware());
  const headers = securityHeaders(config);
  app.use((req, res, next) => (req.path === '/graphql' || req.path.startsWith('/graphiql/') ? headers.graphiql : headers.app)(req, res, next));
  app.use(corsAllowList(config.corsOrigins));
  if (rateLimiter) {
    // The API surfaces only: health checks, metrics, GraphiQL's assets and the web app are not counted.
    app.post('/graphql', rateLimiter.middleware);
    // A GET naming a persisted query by its hash carries `extensions` and no `query`: counted too.
    app.get('/graphql', (req, res, next) =>
      req.query.query === undefined && req.query.extensions === undefined ? next() : rateLimiter.middleware(req, res, next),
    );
    app.use(['/export', '/hsds'], rateLimiter.middleware);
  }

  mountProbes(app, { config, orm, logger });
  mountGraphql(app, { config, orm, logger, apollo, reference, responseCache });

  app.use('/export', exportRouter({ orm, reference, config, logger }));
  app.use('/export', contractableExportRouter({ orm, reference, config, logger }));
  app.use('/import', importRouter({ orm, config, logger }));
  app.use('/hsds', hsdsRouter({ orm, reference, config, logger }));

  serveWebApp(app, config.webDist, logger);
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(logger));
  return app;
}
