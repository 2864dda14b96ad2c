import { describe, expect, it } from 'vitest';
import { isPlainClick, orgPath, parseRoute } from './router';

describe('routes', () => {
  it('parses the map and profile paths', () => {
    expect(parseRoute('/')).toEqual({ page: 'map' });
    expect(parseRoute('/org/123e4567-e89b-12d3-a456-426614174000')).toEqual({ page: 'org', id: '123e4567-e89b-12d3-a456-426614174000' });
    expect(parseRoute('/org/abc/')).toEqual({ page: 'org', id: 'abc' });
    expect(parseRoute('/nope')).toEqual({ page: 'notFound' });
    expect(parseRoute('/org/%E0%A4%A')).toEqual({ page: 'notFound' });
  });

  it('builds profile paths that parse back to the same id, whatever the id holds', () => {
    for (const id of ['T3JnYW5pemF0aW9uOjE=', 'a/b', 'ë ç?#']) {
      expect(parseRoute(orgPath(id))).toEqual({ page: 'org', id });
    }
  });

  it('lets modified clicks open new tabs', () => {
    const base = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };
    expect(isPlainClick(base)).toBe(true);
    expect(isPlainClick({ ...base, ctrlKey: true })).toBe(false);
    expect(isPlainClick({ ...base, button: 1 })).toBe(false);
  });
});
