import 'reflect-metadata';
import { type GraphQLField, type GraphQLResolveInfo, type GraphQLSchema, isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCivimapSchema } from '../../src/app/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildCivimapSchema();
});

function field(type: string, name: string): GraphQLField<unknown, unknown> {
  const found = schema.getType(type);
  if (!isObjectType(found)) throw new Error(`${type} is not an object type`);
  return found.getFields()[name];
}

const info = {} as GraphQLResolveInfo;

describe('type-graphql resolvers replaced by direct ones (app/graphql/lean-resolvers.ts)', () => {
  it('leaves plain fields to the default resolver, their own, inherited and from an interface alike', () => {
    expect(field('Organization', 'status').resolve).toBeUndefined();
    expect(field('Organization', 'id').resolve).toBeUndefined();
    // createdAt comes from the entities' base class; edges and pageInfo from the generic connection.
    expect(field('Service', 'createdAt').resolve).toBeUndefined();
    expect(field('OrganizationConnection', 'edges').resolve).toBeUndefined();
  });

  it('keeps a resolver for a field whose property has another name', () => {
    const capacity = field('Service', 'capacity');
    expect(capacity.resolve).toBeDefined();
    expect(capacity.resolve!({ capacityPerYear: 34 }, {}, {}, info)).toBe(34);
  });

  it('answers a field resolver with an argument synchronously, with the argument and the root it was given', () => {
    const name = field('Organization', 'name');
    const root = { names: { sq: 'Shpresa', en: 'Hope' } };
    // type-graphql's own resolver returns a promise as soon as a field takes an argument.
    expect(name.resolve!(root, { lang: 'en' }, {}, info)).toBe('Hope');
    expect(name.resolve!(root, { lang: 'sr' }, {}, info)).toBe('Shpresa');
    expect(field('Service', 'name').resolve!({ names: { sq: 'Strehim' } }, { lang: 'sq' }, {}, info)).toBe('Strehim');
  });

  it('passes the context to a field resolver that reads it', async () => {
    const categories = field('Service', 'categories');
    const catalog = {
      categoriesById: new Map([
        ['c2', { id: 'c2', code: 'b', position: 2 }],
        ['c1', { id: 'c1', code: 'a', position: 1 }],
      ]),
    };
    const ctx = { loadedCatalog: () => catalog, catalog: async () => catalog };
    const result = await categories.resolve!({ id: 's', categoryIds: ['c2', 'c1', 'gone'] }, {}, ctx, info);
    expect((result as { code: string }[]).map((c) => c.code)).toEqual(['a', 'b']);
  });
});
