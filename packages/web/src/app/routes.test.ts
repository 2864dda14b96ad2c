import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ROUTES_FILE, pagePatterns } from '../../scripts/page-routes';
import { paths } from '../shared/router/paths';
import { isPlainClick, orgPath } from '../shared/router/router';
import { ROUTES, matchRoute } from './routes';
import en from '../shared/i18n/locales/en.json';

// the eager pages pull in Leaflet, which needs a browser; the matching does not look at them
vi.mock('../map/MapPage', () => ({ MapPage: () => null }));
vi.mock('../profile/ProfilePage', () => ({ ProfilePage: () => null }));

/** The route's name and parameters for a path; null: not found. */
function route(pathname: string): { page: string; id?: string } | null {
  const m = matchRoute(pathname);
  if (!m) return null;
  return m.params.id === undefined ? { page: m.route.name } : { page: m.route.name, id: m.params.id };
}

describe('routes', () => {
  it('parses the map and profile paths', () => {
    expect(route('/')).toEqual({ page: 'map' });
    expect(route('/index.html')).toEqual({ page: 'map' });
    expect(route('/org/123e4567-e89b-12d3-a456-426614174000')).toEqual({ page: 'org', id: '123e4567-e89b-12d3-a456-426614174000' });
    expect(route('/org/abc/')).toEqual({ page: 'org', id: 'abc' });
    expect(route('/nope')).toBeNull();
    expect(route('/org/%E0%A4%A')).toBeNull();
  });

  it('builds profile paths that parse back to the same id, whatever the id holds', () => {
    for (const id of ['T3JnYW5pemF0aW9uOjE=', 'a/b', 'ë ç?#']) {
      expect(route(orgPath(id))).toEqual({ page: 'org', id });
    }
  });

  it('lets modified clicks open new tabs', () => {
    const base = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
    expect(isPlainClick(base)).toBe(true);
    expect(isPlainClick({ ...base, ctrlKey: true })).toBe(false);
    expect(isPlainClick({ ...base, button: 1 })).toBe(false);
  });
});

describe('research routes', () => {
  it('parses the coverage and contracts pages', () => {
    expect(route('/coverage')).toEqual({ page: 'coverage' });
    expect(route('/coverage/')).toEqual({ page: 'coverage' });
    expect(route('/contracts')).toEqual({ page: 'contracts' });
    expect(route('/contracts/x')).toBeNull();
  });
});

describe('account routes', () => {
  it('parses the signed-in pages, apart from the public ones', () => {
    expect(route('/signin')).toEqual({ page: 'signIn' });
    expect(route('/register/')).toEqual({ page: 'register' });
    expect(route('/reset-password')).toEqual({ page: 'resetPassword' });
    expect(route('/invitations/accept')).toEqual({ page: 'acceptInvitation' });
    expect(route('/me')).toEqual({ page: 'me' });
    expect(route('/moderation')).toEqual({ page: 'moderation' });
    expect(route('/org/a%2Fb/edit')).toEqual({ page: 'edit', id: 'a/b' });
    expect(route(paths.history('ë ç?#'))).toEqual({ page: 'history', id: 'ë ç?#' });
    expect(route('/org/abc')).toEqual({ page: 'org', id: 'abc' });
    expect(route('/org/%E0%A4%A/edit')).toBeNull();
  });
});

describe('officer routes', () => {
  it('parse the three pages and nothing else', () => {
    expect(route('/contracting')).toEqual({ page: 'contracting' });
    expect(route('/contracting/')).toEqual({ page: 'contracting' });
    expect(route('/contracting/record')).toEqual({ page: 'recordContract' });
    expect(route('/import')).toEqual({ page: 'import' });
    expect(paths.recordContract('a b')).toBe('/contracting/record?provider=a%20b');
  });
});

describe('the route table', () => {
  it('gives every signed-in page a title and guards the private ones', () => {
    const byName = (name: string) => matchRoute(name === 'edit' ? '/org/x/edit' : `/${name}`)?.route;
    expect(byName('me')?.access).toEqual({ kind: 'signedIn' });
    expect(byName('moderation')?.access).toEqual({ kind: 'moderator' });
    expect(byName('edit')?.titleKey).toBe('editor.title');
    expect(byName('import')?.access).toMatchObject({ kind: 'roles', roles: ['MODERATOR', 'ADMIN'] });
    expect(byName('contracting')?.access).toMatchObject({ kind: 'roles', roles: ['AUTHORITY_OFFICER', 'ADMIN'] });
  });
});

describe('the pages the server knows', () => {
  it('are the patterns of the route table, read from its source for the build (dist/routes.json)', () => {
    expect(pagePatterns(readFileSync(ROUTES_FILE, 'utf8'))).toEqual(ROUTES.map((r) => r.pattern));
  });
});

describe('document titles', () => {
  it('every route names its title, and every title key exists', () => {
    const lookup = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], en);
    for (const r of ROUTES) {
      expect(r.titleKey === null || r.titleKey === 'page' || typeof lookup(r.titleKey) === 'string', r.name).toBe(true);
    }
    // the pages whose titles stayed the previous page's (issue 13)
    for (const name of ['coverage', 'contracts', 'contracting', 'recordContract', 'import']) {
      expect(typeof ROUTES.find((r) => r.name === name)?.titleKey, name).toBe('string');
    }
  });
});
