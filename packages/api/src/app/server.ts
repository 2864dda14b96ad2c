import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApolloServer } from './graphql/apollo';
import { createHttpApp } from './http/app';
import { Metrics } from './http/metrics';
import { createRateLimiter } from './http/rate-limit';
import { ReferenceCache } from '../reference/reference-catalog';
import type { Runtime } from './runtime';
import { ChangeFeed } from './cache/change-feed';
import { ResponseCache, type ResponseCacheStats } from './cache/response-cache';

export interface RunningServer {
  url: string;
  port: number;
  /** The separate Prometheus listener (METRICS_PORT), null when metrics are off. */
  metricsUrl: string | null;
  close: () => Promise<void>;
  /** The response cache's counters; null when RESPONSE_CACHE_MB=0. */
  responseCacheStats: () => ResponseCacheStats | null;
}

/**
 * /metrics alone, on its own port and interface (METRICS_PORT, METRICS_HOST), never through the
 * public app: what it says about the process is for the operator's scraper only.
 */
async function startMetricsServer(runtime: Runtime, metrics: Metrics): Promise<http.Server | null> {
  const { metricsPort, metricsHost } = runtime.config;
  if (metricsPort === null) return null;
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') {
      metrics
        .render()
        .then(({ contentType, body }) => res.writeHead(200, { 'content-type': contentType }).end(body))
        .catch(() => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: 'Only /metrics is served here.', extensions: { code: 'NOT_FOUND' } }] }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(metricsPort, metricsHost, () => resolve());
  });
  return server;
}

/** The API and the web app on one port. close() stops accepting, lets requests in flight finish, then stops Apollo. */
export async function startServer(runtime: Runtime): Promise<RunningServer> {
  const reference = new ReferenceCache(runtime.orm);
  const metrics = new Metrics(runtime.orm);
  const changeFeed = runtime.config.responseCache.maxBytes > 0 ? new ChangeFeed(runtime.databaseUrl, runtime.logger) : null;
  await changeFeed?.start();
  const responseCache = changeFeed ? new ResponseCache(changeFeed, runtime.config.responseCache) : undefined;
  const apollo = await createApolloServer(runtime.logger, { metrics, responseCache });
  const rateLimiter = createRateLimiter(runtime.config, runtime.orm, runtime.logger);
  const app = createHttpApp({ config: runtime.config, orm: runtime.orm, logger: runtime.logger, apollo, reference, metrics, rateLimiter, responseCache });
  let draining = false;
  const limits = runtime.config.http;
  const server = http.createServer(
    {
      // A client that trickles its headers or body cannot hold a connection for Node's default 300 s.
      requestTimeout: limits.requestTimeoutMs,
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs),
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node checks those timeouts (its default, 30 s, would let a slow body overstay).
      connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs),
    },
    (req, res) => {
      // While draining, every response ends its connection so keep-alive clients let go.
      if (draining) res.setHeader('Connection', 'close');
      app(req, res);
    },
  );
  server.maxRequestsPerSocket = limits.maxRequestsPerSocket;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(runtime.config.port, runtime.config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const metricsServer = await startMetricsServer(runtime, metrics);
  const metricsAddress = metricsServer?.address() as AddressInfo | undefined;
  const host = runtime.config.host === '0.0.0.0' ? 'localhost' : runtime.config.host;
  return {
    url: `http://${host}:${port}`,
    port,
    metricsUrl: metricsAddress ? `http://${runtime.config.metricsHost === '0.0.0.0' ? 'localhost' : runtime.config.metricsHost}:${metricsAddress.port}/metrics` : null,
    responseCacheStats: () => responseCache?.stats() ?? null,
    close: async () => {
      draining = true;
      await new Promise<void>((resolve) => {
        // close() waits for open connections; connections that turn idle after a response are closed as they do.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        server.close(() => {
          clearInterval(sweep);
          resolve();
        });
        server.closeIdleConnections();
      });
      await apollo.stop();
      await rateLimiter.close();
      await changeFeed?.close();
      if (metricsServer) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
    },
  };
}
