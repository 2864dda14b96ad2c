import { UserInputError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function requireUuid(value: string, field = 'id'): string {
  if (!isUuid(value)) throw new UserInputError(`"${field}" must be a UUID; got "${value.slice(0, 60)}".`, field);
  return value.toLowerCase();
}
