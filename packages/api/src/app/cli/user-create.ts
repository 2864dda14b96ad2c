import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { UserRole } from '../../users/user.enums';
import { createUser, validateNewAccount } from '../../accounts/account.service';
import { hashPassword } from '../../accounts/credentials';
import { PublicAuthority } from '../../authorities/public-authority.entity';
import { invalid, UserErrorsException } from '../../core/user-errors';
import { isUsageError, runCommand, withRuntime } from './command';

const ROLES: Record<string, UserRole> = {
  admin: UserRole.ADMIN,
  moderator: UserRole.MODERATOR,
  officer: UserRole.AUTHORITY_OFFICER,
  authority_officer: UserRole.AUTHORITY_OFFICER,
  editor: UserRole.EDITOR,
};

const USAGE = 'usage: npm run user:create -- --role admin|moderator|officer|editor --email a@b.org [--password PASSWORD] [--name "Display name"] [--authority CODE (officers)]';

/** Creates a user from the command line, e.g. the first administrator, who then manages the others in the app. */
async function main() {
  const { values } = parseArgs({
    options: { role: { type: 'string', default: 'editor' }, email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, authority: { type: 'string' } },
    strict: true,
  });
  const role = ROLES[(values.role ?? '').toLowerCase()];
  const email = values.email;
  if (!role || !email) {
    console.error(USAGE);
    process.exit(2);
  }
  // Without --password, a random one is printed once: no default password ever exists.
  const generated = values.password ? null : `${randomBytes(15).toString('base64url')}-9`;
  const password = values.password ?? generated!;
  await withRuntime({ demo: 'off' }, async (runtime) => {
    try {
      const em = runtime.orm.em.fork();
      const account = await validateNewAccount(em, { email, password, displayName: values.name ?? email.split('@')[0] }, []);
      const authority = values.authority ? await em.findOne(PublicAuthority, { code: values.authority }) : null;
      if (values.authority && !authority) throw new UserErrorsException([invalid(`Unknown authority code: ${values.authority}.`, ['authority'])]);
      const passwordHash = await hashPassword(password);
      const user = await em.transactional(async (tx) => {
        // An administrator vouches for the address: the account works at once.
        const created = createUser(tx, { ...account, passwordHash, role, emailConfirmedAt: new Date() }, null);
        created.authority = authority;
        return created;
      });
      console.log(`created ${role} ${account.email} (id ${user.id})`);
      if (generated) console.log(`password: ${generated}\n(shown once: sign in and keep it, or reset it later)`);
    } catch (error) {
      if (error instanceof UserErrorsException) {
        for (const e of error.errors) console.error(`${e.field?.join('.') ?? ''}: ${e.message}`);
        process.exitCode = 1;
      } else throw error;
    }
  });
}

runCommand(main, (error) => (isUsageError(error) ? `user:create: ${(error as Error).message}\n${USAGE}` : error));
