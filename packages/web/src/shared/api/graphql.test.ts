import { describe, expect, it } from 'vitest';
import { GraphQLRequestError, request } from './graphql';
import { ReferenceDataQuery } from '../refdata';

function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit }[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
}

describe('GraphQL request', () => {
  it('posts the document as a string with its variables and returns data', async () => {
    const seen: { url?: string; init?: RequestInit }[] = [];
    const data = { regions: [], municipalities: [], serviceCategories: [], targetGroups: [] };
    const out = await request(ReferenceDataQuery, { lang: 'EN' }, { fetch: fakeFetch(200, { data }, seen) });
    expect(out).toEqual(data);
    expect(seen[0]!.url).toBe('/graphql');
    const body = JSON.parse(String(seen[0]!.init!.body));
    expect(body.variables).toEqual({ lang: 'EN' });
    expect(body.query).toContain('query ReferenceData($lang: Language!)');
    expect(body.query).toContain('name(lang: $lang)');
  });

  it('throws the GraphQL errors', async () => {
    await expect(request(ReferenceDataQuery, { lang: 'SQ' }, { fetch: fakeFetch(200, { errors: [{ message: 'boom' }, { message: 'bang' }] }) })).rejects.toThrow(
      'boom; bang',
    );
  });

  it('throws on an HTTP error without a JSON body', async () => {
    const p = request(ReferenceDataQuery, { lang: 'SQ' }, { fetch: fakeFetch(502, 'Bad gateway') });
    await expect(p).rejects.toBeInstanceOf(GraphQLRequestError);
    await expect(p).rejects.toThrow('HTTP 502');
  });
});
