import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { and, pgArray, sql } from '../../src/core/sql';

describe('core/sql', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: inject('databaseServerUrl') });
    await client.connect();
  });
  afterAll(() => client.end());

  it('pgArray keeps hostile values as one element each, as PostgreSQL reads the literal', async () => {
    const values = ['plain', 'a,b', 'quote"inside', 'brace}{', 'back\\slash', 'NULL', '', ' spaced '];
    const { rows } = await client.query('select $1::text[] as a', [pgArray(values)]);
    expect(rows[0].a).toEqual(values);
  });

  it('pgArray binds numbers and uuids as their arrays', async () => {
    const { rows } = await client.query('select $1::int[] as years, $2::uuid[] as ids', [
      pgArray([2023, 2024]),
      pgArray(['6f1c1b9e-8a1d-4f5e-9c1e-2b7d3a4f5e6d']),
    ]);
    expect(rows[0]).toEqual({ years: [2023, 2024], ids: ['6f1c1b9e-8a1d-4f5e-9c1e-2b7d3a4f5e6d'] });
  });

  it('and() parenthesises its parts and keeps their parameters in order; no parts is true', () => {
    expect(and([sql('a = ? or b = ?', 1, 2), sql('c = ?', 3)])).toEqual({ text: '(a = ? or b = ?) and (c = ?)', params: [1, 2, 3] });
    expect(and([])).toEqual({ text: 'true', params: [] });
  });
});
