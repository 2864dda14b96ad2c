import { parse } from 'graphql';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { jitGateway } from '../../src/app/graphql/jit-executor';

// A resolver's plain Error (no extensions), as a database driver throws one.
const schema = buildSchema('type Query { boom: String, fine: String }');
const root = { boom: () => { throw new Error('pool exhausted'); }, fine: () => 'ok' };

describe('the compiled executor reports resolver errors as graphql-js does', () => {
  it('an error without extensions keeps its original error and gets extensions, compiled or not', async () => {
    for (const field of Object.keys(root)) (schema.getQueryType()!.getFields()[field] as any).resolve = (root as any)[field];
    const { executor } = await jitGateway(schema).load({ apollo: {} as any });
    const document = parse('{ boom fine }');
    const operation = document.definitions[0] as any;
    const results = [];
    // The first runs interpret it; then it runs compiled (HOT_AFTER).
    for (let i = 0; i < 4; i++) {
      results.push(await executor!({ request: { variables: {} }, document, operation, queryHash: 'h', context: {} } as any));
    }
    for (const result of results) {
      expect(result.data).toEqual({ boom: null, fine: 'ok' });
      expect(result.errors).toHaveLength(1);
      const [error] = result.errors!;
      expect(error.extensions).toEqual({});
      expect(error.path).toEqual(['boom']);
      expect(error.originalError?.message).toBe('pool exhausted');
    }
  });
});
