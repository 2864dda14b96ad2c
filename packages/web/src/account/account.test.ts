import { describe, expect, it } from 'vitest';
import { paths } from '../shared/router/paths';
import { safeNext } from './next';
import { request } from '../shared/api/graphql';
import { SessionQuery } from '../shared/session';
import { errorId, fieldKey, sortErrors } from '../shared/user-errors';

describe('sign-in', () => {
  it('goes back after sign-in only to a path of this site', () => {
    expect(safeNext('?next=%2Forg%2F1')).toBe('/org/1');
    expect(safeNext('?next=https%3A%2F%2Fevil.example')).toBe('/me');
    expect(safeNext('?next=%2F%2Fevil.example')).toBe('/me');
    expect(safeNext('')).toBe('/me');
    expect(paths.signIn('/org/1')).toBe('/signin?next=%2Forg%2F1');
  });
});

describe('userErrors for forms', () => {
  it('turns field paths into form keys', () => {
    expect(fieldKey(['input', 'names', 'sq'])).toBe('names.sq');
    expect(fieldKey(['message'])).toBe('message');
    expect(fieldKey(['input', 'socialLinks', '2'])).toBe('socialLinks');
    expect(fieldKey(null)).toBe('');
  });

  it('puts errors next to the fields shown, the rest above the form, and notices a stale version', () => {
    const sorted = sortErrors(
      [
        { field: ['input', 'website'], message: 'Only http and https', code: 'INVALID_INPUT' },
        { field: ['input', 'names'], message: 'Required', code: 'INVALID_INPUT' },
        { field: ['input', 'fundingMix'], message: 'Must add up to 100', code: 'INVALID_INPUT' },
        { field: ['input', 'version'], message: 'Someone else saved', code: 'STALE_VERSION' },
        { field: null, message: 'Forbidden', code: 'FORBIDDEN' },
      ],
      ['names.sq', 'names.sr', 'website'],
    );
    expect(sorted.byField).toEqual({ website: ['Only http and https'], 'names.sq': ['Required'] });
    expect(sorted.general.map((e) => e.code)).toEqual(['INVALID_INPUT', 'FORBIDDEN']);
    expect(sorted.stale).toBe(true);
    expect(sortErrors([{ field: ['input', 'locationIds'], message: 'x', code: 'INVALID_INPUT' }], ['sites'], { locationIds: 'sites' }).byField).toEqual({ sites: ['x'] });
  });

  it('gives error elements ids that are valid and distinct per field', () => {
    expect(errorId('svc-1', 'names.sq')).toBe('svc-1-names-sq-error');
    expect(errorId('f', 'lat')).not.toBe(errorId('f', 'lng'));
  });
});

describe('requests', () => {
  it('carry the CSRF header the API wants on cookie-authenticated mutations', async () => {
    let headers: Record<string, string> = {};
    const fake = (async (_url: string, init: RequestInit) => {
      headers = init.headers as Record<string, string>;
      return new Response(JSON.stringify({ data: { me: null } }), { status: 200 });
    }) as unknown as typeof fetch;
    await request(SessionQuery, {}, { fetch: fake });
    expect(headers['x-civimap-csrf']).toBe('1');
  });
});
