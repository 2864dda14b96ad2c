// The built web app at "/": its files (robots.txt, the favicons, the fingerprinted assets), and
// index.html for the app's pages. The pages are the web route table's patterns, which the web
// build writes to dist/routes.json; any other path answers 404, so that a missing asset, a typo
// or a crawler's guess (/foo.txt, /wp-login.php) is not a 200 with the app's HTML.
import express, { type Express, type Request } from 'express';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { precompressedFiles } from './precompressed';

/** A path of a page of the app: "/org/:id" matches "/org/abc" (one trailing slash ignored). */
export function matchesPagePattern(pattern: string, pathname: string): boolean {
  const p = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  const want = pattern.split('/');
  const got = p.split('/');
  return want.length === got.length && want.every((w, i) => (w.startsWith(':') ? got[i] !== '' : w === got[i]));
}

/**
 * Decides whether a path is one of the app's pages. Without routes.json (a build older than the
 * manifest) every path without a file extension counts as a page, as before.
 */
export function pageMatcher(patterns: readonly string[] | null): (pathname: string) => boolean {
  if (!patterns) return (pathname) => !/\.[^/]*$/.test(pathname);
  return (pathname) => pathname === '/index.html' || patterns.some((pattern) => matchesPagePattern(pattern, pathname));
}

function readPatterns(webDist: string, logger: Logger): string[] | null {
  const file = path.join(webDist, 'routes.json');
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { patterns?: unknown };
    if (Array.isArray(parsed.patterns) && parsed.patterns.every((p) => typeof p === 'string')) return parsed.patterns;
    logger.warn({ file }, 'routes.json has no list of patterns; every extensionless path serves the app');
  } catch {
    logger.warn({ file }, 'no routes.json in the web build; every extensionless path serves the app');
  }
  return null;
}

const wantsHtml = (req: Request) => req.accepts(['html', 'json', 'text']) === 'html';

/** The built web app, with the SPA fallback for the app's pages and 404 for everything else. */
export function serveWebApp(app: Express, webDist: string, logger: Logger): void {
  const index = path.join(webDist, 'index.html');
  if (!fs.existsSync(index)) {
    logger.warn({ webDist }, 'no built web app found; serving the API only (run npm run build)');
    app.get('/', (_req, res) => {
      res.type('html').send('<!doctype html><title>civimap</title><p>civimap API. The web app is not built. GraphQL: <a href="/graphql">/graphql</a></p>');
    });
    return;
  }
  const isPage = pageMatcher(readPatterns(webDist, logger));
  // Vite fingerprints assets; index.html must always be revalidated, the rest for a day.
  const cacheControl = (file: string) =>
    file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : file.endsWith('index.html') ? 'no-cache' : 'public, max-age=86400';
  app.use(precompressedFiles(webDist, cacheControl));
  app.use(express.static(webDist, { index: false, setHeaders: (res, file) => res.setHeader('Cache-Control', cacheControl(file)) }));
  // sendFile with a root checks dot segments only below it: the repository may live under ~/.local/….
  app.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (isPage(req.path) && req.accepts('html')) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile('index.html', { root: webDist });
      return;
    }
    // not a page: the app's own "not found" page for a browser, a plain 404 for anything else
    res.status(404).setHeader('Cache-Control', 'no-cache');
    if (wantsHtml(req) && !/\.[^/]*$/.test(req.path)) {
      res.sendFile('index.html', { root: webDist });
      return;
    }
    res.type('text').send('Not found\n');
  });
}
