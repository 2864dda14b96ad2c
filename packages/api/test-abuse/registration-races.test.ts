import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../test/support/accounts';
import { createTestApi, type TestApi } from '../test/support/api';
import { createTestDatabase, type TestDatabase } from '../test/support/test-database';

let db: TestDatabase;
let api: TestApi;

const E = 'userErrors { field code message }';
const N = 20;
const REGISTER = `mutation($input: RegisterInput!) { register(input: $input) { user { id } token ${E} } }`;
const CONFIRM = `mutation($t: String!) { confirmEmail(input: { token: $t }) { user { id } token ${E} } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await createTestApi(db);
});
afterAll(async () => {
  await db?.close();
});

const count = async (sql: string, params: unknown[] = []) => (await db.orm.em.fork().execute(`select count(*)::int as n from ${sql}`, params))[0].n as number;

describe(`${N} concurrent registrations and confirmations`, () => {
  it(`${N} registrations of one new email make one account; every answer is the same, the rest mail a notice`, async () => {
    const input = { email: 'njejti@example.org', password: TEST_PASSWORD, displayName: 'Njëjti' };
    const results = await Promise.all(Array.from({ length: N }, () => api.query(REGISTER, { input })));
    for (const result of results) expect(result.data).toEqual({ register: { user: null, token: null, userErrors: [] } });
    expect(await count(`app_user where email = 'njejti@example.org'`)).toBe(1);
    expect(await count(`outbox_message where recipient = 'njejti@example.org' and kind = 'email-confirmation'`)).toBe(1);
    expect(await count(`outbox_message where recipient = 'njejti@example.org' and kind = 'already-registered'`)).toBe(N - 1);
    expect(await count(`revision where entity_type = 'User' and entity_id = (select id from app_user where email = 'njejti@example.org')`)).toBe(1);
  });

  it(`${N} confirmations with one token: exactly one signs in, the others are told the link was used`, async () => {
    await api.query(REGISTER, { input: { email: 'konfirmo@example.org', password: TEST_PASSWORD, displayName: 'Konfirmo' } });
    const [mail] = await db.orm.em.fork().execute(`select body from outbox_message where recipient = 'konfirmo@example.org' and kind = 'email-confirmation'`);
    const token = /Token: (\S+)/.exec(mail.body)![1];
    const results = await Promise.all(Array.from({ length: N }, () => api.query(CONFIRM, { t: token })));
    expect(results.filter((r) => r.errors)).toEqual([]);
    const won = results.filter((r) => r.data.confirmEmail.user);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => !r.data.confirmEmail.user)) {
      expect(lost.data.confirmEmail).toEqual({ user: null, token: null, userErrors: [{ field: ['input', 'token'], code: 'INVALID_INPUT', message: expect.stringContaining('already used') }] });
    }
    expect(await count(`user_session where user_id = (select id from app_user where email = 'konfirmo@example.org')`)).toBe(1);
    const me = await api.query('{ me { email } }', {}, { token: won[0].data.confirmEmail.token });
    expect(me.data.me).toEqual({ email: 'konfirmo@example.org' });
  });
});
