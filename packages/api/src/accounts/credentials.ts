import { Algorithm, hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import { invalid, type UserError } from '../core/user-errors';

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): memory-hard, and about
 * 20 ms per hash here, so sign-in stays fast while offline guessing stays expensive.
 */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most this many hashes run at once (half the cores, at least one); the rest queue. A flood of
 * sign-ins then costs the flooders time, while the event loop keeps a core for everyone else's requests.
 */
export const HASHING_CONCURRENCY = Math.max(1, Math.floor(os.availableParallelism() / 2));
let hashing = 0;
const waiting: (() => void)[] = [];

/** Runs work in one of the HASHING_CONCURRENCY slots (waiting for one); work must not ask for another slot. */
export async function hashingSlot<T>(work: () => Promise<T>): Promise<T> {
  if (hashing >= HASHING_CONCURRENCY) await new Promise<void>((resolve) => waiting.push(resolve));
  else hashing++;
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next in line, or free it.
    const next = waiting.shift();
    if (next) next();
    else hashing--;
  }
}

export function hashPassword(password: string): Promise<string> {
  return hashingSlot(() => hash(password, ARGON2_OPTIONS));
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return hashingSlot(() => verifyPasswordInSlot(passwordHash, password));
}

/** verifyPassword for code already holding a hashing slot. */
export async function verifyPasswordInSlot(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash of a password nobody knows, so that signing in as an unknown email costs as much time as a wrong password. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return decoyHash;
}

/** 32 random bytes for a session, reset or invitation token; only its SHA-256 is stored. */
export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: tokenHash(token) };
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Length matters most (NIST SP 800-63B); beyond that we refuse only the obviously weak: one class
 * of characters (all letters, all digits) and the email itself.
 */
export function checkPassword(password: string, email: string | null, field: string[]): UserError[] {
  if (password.length < PASSWORD_MIN_LENGTH) {
    return [invalid(`The password must have at least ${PASSWORD_MIN_LENGTH} characters; it has ${password.length}.`, field)];
  }
  if (password.length > PASSWORD_MAX_LENGTH) return [invalid(`The password may have at most ${PASSWORD_MAX_LENGTH} characters.`, field)];
  const classes = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u].filter((re) => re.test(password)).length;
  if (classes < 2) {
    return [invalid('The password uses only one kind of character: mix letters with digits, capitals or symbols.', field)];
  }
  if (new Set(password).size < 4) return [invalid('The password repeats too few different characters.', field)];
  if (email) {
    const lower = password.toLowerCase();
    const local = email.split('@')[0];
    if (lower === email || (local.length >= 4 && lower.includes(local))) {
      return [invalid('The password must not be or contain your email address.', field)];
    }
  }
  return [];
}
