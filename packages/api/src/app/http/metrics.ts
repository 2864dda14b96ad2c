import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const KNOWN_ROUTES = new Set(['/graphql', '/graphiql', '/export', '/hsds', '/healthz', '/readyz', '/metrics', '/config.json', '/']);

/** Prometheus metrics of one API process: HTTP and GraphQL durations, errors, the database pool. */
export class Metrics {
  readonly registry = new Registry();
  private readonly http = new Histogram({
    name: 'civimap_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly graphql = new Histogram({
    name: 'civimap_graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by operation name and type',
    labelNames: ['operation', 'type', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly graphqlErrors = new Counter({
    name: 'civimap_graphql_errors_total',
    help: 'GraphQL errors by code',
    labelNames: ['code'],
    registers: [this.registry],
  });

  constructor(orm?: MikroORM) {
    collectDefaultMetrics({ register: this.registry, prefix: 'civimap_' });
    if (orm) {
      const pool = () => (orm.em.getConnection().getKnex().client as { pool?: Record<string, () => number> }).pool;
      const gauge = (name: string, help: string, read: (p: Record<string, () => number>) => number) =>
        new Gauge({
          name,
          help,
          registers: [this.registry],
          collect() {
            const p = pool();
            if (p) this.set(read(p));
          },
        });
      gauge('civimap_db_pool_used', 'Database connections in use', (p) => p.numUsed());
      gauge('civimap_db_pool_free', 'Idle database connections', (p) => p.numFree());
      gauge('civimap_db_pool_pending_acquires', 'Requests waiting for a database connection', (p) => p.numPendingAcquires());
    }
  }

  /** Labels by the API surface (the first path segment, from a fixed list), never the raw URL, to keep cardinality bounded. */
  httpMiddleware(): RequestHandler {
    return (req, res, next) => {
      const stop = this.http.startTimer({ method: req.method });
      res.on('finish', () => {
        const first = `/${req.originalUrl.split('?')[0].split('/')[1] ?? ''}`;
        const route = KNOWN_ROUTES.has(first) ? first : 'other';
        stop({ route, status: String(res.statusCode) });
      });
      next();
    };
  }

  apolloPlugin(): ApolloServerPlugin {
    const graphql = this.graphql;
    const errors = this.graphqlErrors;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async didEncounterErrors({ errors: list }) {
            for (const error of list) errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          },
          async willSendResponse({ operationName, operation, errors: list }) {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            graphql.observe({ operation: operationName ?? 'anonymous', type: operation?.operation ?? 'unknown', outcome: list?.length ? 'error' : 'ok' }, seconds);
          },
        };
      },
    };
  }

  handler(): RequestHandler {
    return async (_req, res) => {
      res.type(this.registry.contentType).send(await this.registry.metrics());
    };
  }
}
