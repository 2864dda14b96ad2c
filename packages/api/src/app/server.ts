import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApolloServer } from './graphql/apollo';
import { createHttpApp } from './http/app';
import { Metrics } from './http/metrics';
import { createRateLimiter } from './http/rate-limit';
import { ReferenceCache } from '../reference/reference-catalog';
import type { Runtime } from './runtime';

export interface RunningServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

/** The API and the web app on one port. close() stops accepting, lets requests in flight finish, then stops Apollo. */
export async function startServer(runtime: Runtime): Promise<RunningServer> {
  const reference = new ReferenceCache(runtime.orm);
  const metrics = new Metrics(runtime.orm);
  const apollo = await createApolloServer(runtime.logger, { metrics });
  const rateLimiter = createRateLimiter(runtime.config, runtime.orm, runtime.logger);
  const app = createHttpApp({ config: runtime.config, orm: runtime.orm, logger: runtime.logger, apollo, reference, metrics, rateLimiter });
  let draining = false;
  const server = http.createServer((req, res) => {
    // While draining, every response ends its connection so keep-alive clients let go.
    if (draining) res.setHeader('Connection', 'close');
    app(req, res);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(runtime.config.port, runtime.config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = runtime.config.host === '0.0.0.0' ? 'localhost' : runtime.config.host;
  return {
    url: `http://${host}:${port}`,
    port,
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
    },
  };
}
