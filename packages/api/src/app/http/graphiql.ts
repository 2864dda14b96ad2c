import type { Router } from 'express';
import express from 'express';

/**
 * A local GraphiQL (the self-contained build that @graphql-yoga/render-graphiql ships): nothing is
 * fetched from a CDN. Assets are separate files rather than inline scripts, so a strict Content
 * Security Policy can cover this page too.
 */
export function graphiqlRouter(): Router {
  // Loaded lazily: 9 MB of JavaScript that only a browser visiting /graphql needs.
  let assets: typeof import('@graphql-yoga/render-graphiql/graphiql') | undefined;
  const load = () => (assets ??= require('@graphql-yoga/render-graphiql/graphiql') as typeof import('@graphql-yoga/render-graphiql/graphiql'));
  const router = express.Router();
  const cacheable = (res: express.Response) => res.setHeader('Cache-Control', 'public, max-age=86400');

  router.get('/graphiql/graphiql.css', (_req, res) => {
    cacheable(res);
    res.type('text/css').send(load().css);
  });
  router.get('/graphiql/graphiql.js', (_req, res) => {
    cacheable(res);
    res.type('application/javascript').send(load().js);
  });
  const workers: Record<string, () => string> = {
    editor: () => load().editorWorkerService,
    json: () => load().jsonWorker,
    graphql: () => load().graphqlWorker,
  };
  router.get('/graphiql/workers/:name.js', (req, res) => {
    const worker = workers[req.params.name];
    if (!worker) return void res.status(404).end();
    cacheable(res);
    res.type('application/javascript').send(worker());
  });
  router.get('/graphiql/boot.js', (_req, res) => {
    res.type('application/javascript').send(BOOT);
  });
  router.get('/graphiql/env.js', (_req, res) => {
    res.type('application/javascript').send(ENV);
  });
  return router;
}

const ENV = `self.MonacoEnvironment = {
  globalAPI: false,
  getWorkerUrl: function (_moduleId, label) {
    return { editorWorkerService: '/graphiql/workers/editor.js', json: '/graphiql/workers/json.js', graphql: '/graphiql/workers/graphql.js' }[label] || '/graphiql/workers/editor.js';
  },
};`;

const DEFAULT_QUERY = `# civimap: the registry of civil-society organizations providing social and family services in Kosovo.
# Demo records carry isDemo: true.
query FirstShelters {
  organizations(first: 5, filter: { categories: ["residential"] }) {
    totalCount
    edges {
      node {
        name
        isDemo
        verification { status verifiedAt }
        services { name categories { code name } }
        locations { municipality { name } point { lat lng } }
      }
    }
  }
}
`;

const BOOT = `YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${JSON.stringify({
  endpoint: '/graphql',
  title: 'civimap GraphQL API',
  defaultQuery: DEFAULT_QUERY,
})});`;

export const GRAPHIQL_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>civimap GraphQL API</title>
    <link rel="stylesheet" href="/graphiql/graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript. POST GraphQL requests to /graphql.</noscript>
    <div id="root"></div>
    <script src="/graphiql/env.js"></script>
    <script src="/graphiql/graphiql.js"></script>
    <script src="/graphiql/boot.js"></script>
  </body>
</html>`;
