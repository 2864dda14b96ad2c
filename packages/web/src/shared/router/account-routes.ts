// The signed-in part of the app (issue 4): sign-in and registration, password reset, the user's
// organizations, the editor, an organization's history and the moderators' queue. router.ts asks
// parseAccountRoute first, so these paths never reach the public pages.

export type AccountRoute =
  | { page: 'signIn' }
  | { page: 'register' }
  | { page: 'forgotPassword' }
  | { page: 'resetPassword' }
  | { page: 'acceptInvitation' }
  | { page: 'me' }
  | { page: 'newOrganization' }
  | { page: 'edit'; id: string }
  | { page: 'history'; id: string }
  | { page: 'moderation' };

const FIXED: Record<string, AccountRoute> = {
  '/signin': { page: 'signIn' },
  '/register': { page: 'register' },
  '/forgot-password': { page: 'forgotPassword' },
  // the API's reset and invitation mails link to these two paths
  '/reset-password': { page: 'resetPassword' },
  '/invitations/accept': { page: 'acceptInvitation' },
  '/me': { page: 'me' },
  '/me/new-organization': { page: 'newOrganization' },
  '/moderation': { page: 'moderation' },
};

export function parseAccountRoute(pathname: string): AccountRoute | null {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  const fixed = FIXED[path];
  if (fixed) return fixed;
  const m = /^\/org\/([^/]+)\/(edit|history)$/.exec(path);
  if (!m) return null;
  try {
    const id = decodeURIComponent(m[1]!);
    return m[2] === 'edit' ? { page: 'edit', id } : { page: 'history', id };
  } catch {
    return null;
  }
}

export const paths = {
  signIn: (next?: string) => (next ? `/signin?next=${encodeURIComponent(next)}` : '/signin'),
  register: (next?: string) => (next ? `/register?next=${encodeURIComponent(next)}` : '/register'),
  forgotPassword: '/forgot-password',
  me: '/me',
  newOrganization: '/me/new-organization',
  moderation: '/moderation',
  edit: (id: string) => `/org/${encodeURIComponent(id)}/edit`,
  history: (id: string) => `/org/${encodeURIComponent(id)}/history`,
};

/** Where to go after signing in: only a path on this site (never another origin), else "My organizations". */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')) return next;
  return paths.me;
}
