import type { ApolloServerPlugin } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { RequestHandler } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const KNOWN_ROUTES = new Set(['/graphql', '/graphiql', '/export', '/hsds', '/import', '/healthz', '/readyz', '/config.json', '/']);

/** Distinct GraphQL operation names kept as label values; later new names, and names that are not plain identifiers of at most 64 characters, count as "other". */
export const MAX_OPERATION_LABELS = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The operation label of a request. Operation names come from clients, so each new one would be a
 * new series kept for the life of the process: only the first MAX_OPERATION_LABELS plain names get
 * their own series (the web app's operations are a few dozen), the rest share "other".
 */
export class OperationLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_LABELS) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(name);
    return name;
  }
}

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

  private readonly operations = new OperationLabels();

  apolloPlugin(): ApolloServerPlugin {
    const graphql = this.graphql;
    const operations = this.operations;
    const errors = this.graphqlErrors;
    return {
      async requestDidStart() {
        const started = process.hrtime.bigint();
        return {
          async didEncounterErrors({ errors: list }) {
            // Codes are set by the server, but bounded all the same.
            for (const error of list) errors.inc({ code: String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR').slice(0, 40) });
          },
          async willSendResponse({ operationName, operation, errors: list }) {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            graphql.observe({ operation: operations.label(operationName), type: operation?.operation ?? 'unknown', outcome: list?.length ? 'error' : 'ok' }, seconds);
          },
        };
      },
    };
  }

  /** The Prometheus text of every metric (served by the separate metrics listener, server.ts). */
  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
