import express from 'express';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { MembershipRole, UserRole } from '../../src/users/user.enums';
import { credentialsFromRequest, parseCookies } from '../../src/accounts/auth';
import { checkPassword } from '../../src/accounts/credentials';
import { normaliseEmail } from '../../src/core/validation';
import { type Actor, can } from '../../src/access/policy';
import type { User } from '../../src/users/user.entity';

function actor(role: UserRole, memberships: [string, MembershipRole][] = [], active = true): Actor {
  return { user: { id: 'u', active } as User, role, memberships: new Map(memberships) };
}

describe('policy (the rules the matrix test exercises through the API)', () => {
  it('an officer edits only organizations they are a member of', () => {
    expect(can(actor(UserRole.AUTHORITY_OFFICER), 'organization.edit', 'A')).toBe(false);
    expect(can(actor(UserRole.AUTHORITY_OFFICER, [['A', MembershipRole.EDITOR]]), 'organization.edit', 'A')).toBe(true);
    expect(can(actor(UserRole.AUTHORITY_OFFICER), 'contract.write')).toBe(true);
  });

  it('a deactivated account may do nothing, whatever its role', () => {
    for (const action of ['organization.edit', 'organization.create', 'user.setRole', 'claim.decide'] as const) {
      expect(can(actor(UserRole.ADMIN, [['A', MembershipRole.OWNER]], false), action, 'A')).toBe(false);
    }
  });

  it('owners invite and revert; editors only edit; nobody is anything without signing in', () => {
    const owner = actor(UserRole.EDITOR, [['A', MembershipRole.OWNER]]);
    const editor = actor(UserRole.EDITOR, [['A', MembershipRole.EDITOR]]);
    expect([can(owner, 'organization.invite', 'A'), can(owner, 'organization.revert', 'A'), can(owner, 'organization.invite', 'B')]).toEqual([true, true, false]);
    expect([can(editor, 'organization.edit', 'A'), can(editor, 'organization.invite', 'A'), can(editor, 'organization.revert', 'A')]).toEqual([true, false, false]);
    expect(can(null, 'organization.claim')).toBe(false);
  });
});

describe('credentials', () => {
  it('normalises emails and refuses implausible ones', () => {
    expect(normaliseEmail('  Arta.Krasniqi@Example.ORG ')).toBe('arta.krasniqi@example.org');
    for (const bad of ['arta', 'arta@', '@example.org', 'a b@example.org', 'arta@example', 'a@b..org', `${'a'.repeat(250)}@example.org`]) {
      expect(normaliseEmail(bad), bad).toBeNull();
    }
  });

  it('password policy: length first, then variety, never the email', () => {
    expect(checkPassword('Tri fjalë të gjata 7', 'a@example.org', ['p'])).toEqual([]);
    expect(checkPassword('1234567890123', null, ['p'])[0].message).toContain('one kind');
    expect(checkPassword('aaaaAAAA1111', null, ['p'])[0].message).toContain('too few different');
    expect(checkPassword('Xhevdet.Berisha2024', 'xhevdet.berisha@example.org', ['p'])[0].message).toContain('email');
  });

  it('parses cookies leniently: the first of a name wins, malformed values are ignored', () => {
    const cookies = parseCookies('a=1; civimap_session=abc%2Fdef; civimap_session=second; bad=%E0%A4%A; q="quoted"');
    expect(cookies.get('civimap_session')).toBe('abc/def');
    expect(cookies.get('q')).toBe('quoted');
    expect(cookies.has('bad')).toBe(false);
  });

  it('the session cookie is Secure in production', async () => {
    const app = express();
    app.get('/', (req, res) => {
      credentialsFromRequest(req, res, { secureCookies: true }).cookies!.setSession('token', new Date(Date.now() + 60_000));
      res.end();
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      const cookie = res.headers.getSetCookie()[0];
      expect(cookie).toMatch(/^civimap_session=token;/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=Lax/);
    } finally {
      server.close();
    }
  });
});
