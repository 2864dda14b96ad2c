import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { csrfPlugin } from '../../accounts/csrf-plugin';
import type { Metrics } from '../http/metrics';
import type { GraphQLContext } from '../context';
import { isDatabaseUnavailable } from '../../core/database-errors';
import { httpCachePlugin } from './http-cache';
import { armor, LIMITS, queryCostPlugin } from './limits';
import { buildCivimapSchema } from '../schema';
import { jitGateway } from './jit-executor';
import type { ResponseCache } from '../cache/response-cache';

/** Codes a client can act on; anything else is an internal error whose details stay in the log. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
]);

/** While the database is unreachable, a request gets 503 and a SERVICE_UNAVAILABLE error, so clients and balancers retry. */
const serviceUnavailablePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
          response.http.status = 503;
          response.http.headers.set('retry-after', '5');
        }
      },
    };
  },
};

export async function createApolloServer(logger: Logger, options: { metrics?: Metrics; responseCache?: ResponseCache } = {}): Promise<ApolloServer<GraphQLContext>> {
  const schema = await buildCivimapSchema();
  const protection = armor();
  const server = new ApolloServer<GraphQLContext>({
    // The schema comes through a "gateway" whose executor runs hot operations compiled (jit-executor.ts).
    gateway: jitGateway(schema),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    // Automatic persisted queries stay on (Apollo's default): hashes are kept in the process's
    // in-memory LRU cache (30 MiB), so a GET can name a query by its hash; see http-cache.ts.
    parseOptions: { maxTokens: LIMITS.maxTokens },
    validationRules: protection.validationRules,
    // Our own GraphiQL is served at GET /graphql; Apollo's landing page would load from a CDN.
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      csrfPlugin(),
      ...protection.plugins,
      queryCostPlugin(schema),
      serviceUnavailablePlugin,
      // Cache-Control comes from httpCachePlugin, not from schema hints. Apollo's cache-control plugin
      // would also wrap every field resolver to collect hints nobody reads (a cost on every field).
      ApolloServerPluginCacheControlDisabled(),
      httpCachePlugin(),
      ...(options.responseCache ? [options.responseCache.plugin()] : []),
      ...(options.metrics ? [options.metrics.apolloPlugin()] : []),
    ],
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const code = formatted.extensions?.code;
      if (typeof code === 'string' && CLIENT_CODES.has(code)) return formatted;
      if (isDatabaseUnavailable(unwrapResolverError(error))) {
        logger.warn({ path: formatted.path }, 'database unavailable during a GraphQL request');
        return {
          message: 'The registry database is unavailable for a moment; please retry shortly.',
          path: formatted.path,
          locations: formatted.locations,
          extensions: { code: 'SERVICE_UNAVAILABLE' },
        };
      }
      logger.error({ err: unwrapResolverError(error), path: formatted.path }, 'internal error in a GraphQL request');
      return {
        message: 'Internal server error: the request could not be completed. It has been logged.',
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    },
  });
  await server.start();
  return server;
}
