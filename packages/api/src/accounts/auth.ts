import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import { DeniedError } from '../core/errors';
import { tokenHash } from './credentials';
import { type Action, denialOf, loadActor, type Actor } from '../access/policy';
import { Session } from './session.entity';

export const SESSION_COOKIE = 'civimap_session';
/**
 * Cookie-authenticated mutations must carry this header. A cross-origin page can only add a custom
 * header after a CORS preflight, which this API never grants, so a forged form post or fetch from
 * another site cannot carry it (and SameSite=Lax already keeps the cookie off cross-site POSTs).
 */
export const CSRF_HEADER = 'x-civimap-csrf';
export const SESSION_DAYS = 30;

/**
 * The one CSRF rule, for GraphQL mutations (csrf-plugin.ts) and the upload routes alike: a write
 * authenticated by the session cookie must carry CSRF_HEADER. Bearer tokens and anonymous writes need not.
 */
export function csrfDenial(credentials: Pick<RequestCredentials, 'via' | 'csrfHeader'>): DeniedError | null {
  if (credentials.via !== 'cookie' || credentials.csrfHeader) return null;
  return new DeniedError('FORBIDDEN', `Cookie-authenticated writes must send the header "${CSRF_HEADER}: 1".`, { reason: 'CSRF', http: { status: 403 } });
}
/** lastSeenAt is refreshed at most this often, so reads do not each cost a write. */
const LAST_SEEN_RESOLUTION_MS = 5 * 60_000;

export interface CookieWriter {
  setSession(token: string, expires: Date): void;
  clearSession(): void;
}

/** What a request presents: a session token from the cookie or the Authorization header. */
export interface RequestCredentials {
  token: string | null;
  via: 'cookie' | 'bearer' | null;
  csrfHeader: boolean;
  userAgent: string | null;
  /** Client address, for rate limiting sign-in. */
  ip: string | null;
  /** Present for HTTP requests: where signIn and signOut set and clear the cookie. */
  cookies: CookieWriter | null;
}

export const ANONYMOUS: RequestCredentials = { token: null, via: null, csrfHeader: false, userAgent: null, ip: null, cookies: null };

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name || cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1')));
    } catch {
      // A malformed cookie value is ignored, like an absent one.
    }
  }
  return cookies;
}

export function credentialsFromRequest(req: Request, res: Response, options: { secureCookies: boolean }): RequestCredentials {
  const authorization = req.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? null;
  const cookie = parseCookies(req.get('cookie')).get(SESSION_COOKIE) ?? null;
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: options.secureCookies, path: '/' };
  return {
    token: bearer ?? cookie,
    via: bearer ? 'bearer' : cookie ? 'cookie' : null,
    csrfHeader: req.get(CSRF_HEADER) !== undefined,
    userAgent: req.get('user-agent')?.slice(0, 500) ?? null,
    ip: req.ip ?? null,
    cookies: {
      setSession: (token, expires) => res.cookie(SESSION_COOKIE, token, { ...cookieOptions, expires }),
      clearSession: () => res.clearCookie(SESSION_COOKIE, cookieOptions),
    },
  };
}

export interface Viewer {
  session: Session | null;
  actor: Actor | null;
}

/** The session the credentials name, if it exists, has not expired and belongs to an active user. */
export async function resolveViewer(em: EntityManager, credentials: RequestCredentials): Promise<Viewer> {
  if (!credentials.token) return { session: null, actor: null };
  const session = await em.findOne(Session, { tokenHash: tokenHash(credentials.token) }, { populate: ['user'] });
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now || !session.user.active) return { session: null, actor: null };
  if (now - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await em.nativeUpdate(Session, { id: session.id }, { lastSeenAt: new Date(now) });
  }
  return { session, actor: await loadActor(em, session.user) };
}

/**
 * The one gate of the HTTP routes outside GraphQL (uploads, private exports): the signed-in actor
 * allowed `action`, or undefined once the response says why not, with the policy's own wording:
 * 401 for no valid session, 403 for a missing permission or, on a write, a cookie session without
 * the CSRF header.
 */
export async function routeActor(
  em: EntityManager,
  req: Request,
  res: Response,
  options: { action: Action; secureCookies: boolean; write?: boolean },
): Promise<Actor | undefined> {
  const credentials = credentialsFromRequest(req, res, { secureCookies: options.secureCookies });
  const csrf = options.write ? csrfDenial(credentials) : null;
  if (csrf) return void res.status(csrf.httpStatus).json({ error: csrf.message });
  const { actor } = await resolveViewer(em, credentials);
  const denial = denialOf(actor, options.action);
  if (denial || !actor) return void res.status(denial?.code === 'FORBIDDEN' ? 403 : 401).json({ error: denial?.message });
  return actor;
}
