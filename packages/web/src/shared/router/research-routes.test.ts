import { describe, expect, it } from 'vitest';
import { parseRoute } from './router';

describe('research routes', () => {
  it('parses the coverage and contracts pages', () => {
    expect(parseRoute('/coverage')).toEqual({ page: 'coverage' });
    expect(parseRoute('/coverage/')).toEqual({ page: 'coverage' });
    expect(parseRoute('/contracts')).toEqual({ page: 'contracts' });
    expect(parseRoute('/contracts/x')).toEqual({ page: 'notFound' });
  });
});
