import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../../core/config';

/** The origin of the map tiles, so the Content Security Policy lets them load (and nothing else from outside). */
export function tileOrigins(tileUrl: string): string[] {
  if (!tileUrl) return [];
  try {
    const url = new URL(tileUrl.replace(/\{[a-z]\}/g, 'a').replace(/\{[^}]+\}/g, '0'));
    // {s} subdomains: allow the sibling hosts too.
    const host = tileUrl.includes('{s}.') ? `*.${url.host.split('.').slice(1).join('.')}` : url.host;
    return [`${url.protocol}//${host}`];
  } catch {
    return [];
  }
}

/**
 * Security headers for every response: a Content Security Policy without 'unsafe-inline' scripts,
 * frame-ancestors 'none', HSTS in production, no MIME sniffing, a strict referrer policy.
 * GraphiQL's editor injects its styles at run time, so only that page may use inline styles.
 */
export function securityHeaders(config: AppConfig): { app: RequestHandler; graphiql: RequestHandler } {
  const production = config.nodeEnv === 'production';
  const base = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', ...tileOrigins(config.mapTileUrl)],
    connectSrc: ["'self'"],
    fontSrc: ["'self'", 'data:'],
    workerSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    upgradeInsecureRequests: production ? [] : null,
  };
  const common = {
    hsts: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
  };
  return {
    app: helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: base } }),
    graphiql: helmet({
      ...common,
      contentSecurityPolicy: { useDefaults: false, directives: { ...base, styleSrc: ["'self'", "'unsafe-inline'"], workerSrc: ["'self'", 'blob:'] } },
    }),
  };
}

/**
 * Cross-origin browser access only for the origins in CORS_ORIGINS; others get no CORS headers, so
 * browsers refuse to hand them responses. Same-origin use (the web app) needs no entry.
 */
export function corsAllowList(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'content-type');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
