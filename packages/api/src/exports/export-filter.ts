import { ContractModality, ContractStatus } from '../contracts/contract.enums';
import { ContractFilter } from '../contracts/contract.inputs';
import { OrganizationStatus } from '../organizations/organization.enums';
import { OrganizationFilter } from '../organizations/organization.inputs';

/** Thrown for a malformed ?filter=; the router answers 400 with the message. */
export class ExportRequestError extends Error {}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A query parameter that carries a JSON value (a filter, as the GraphQL API takes it): given once,
 * at most 10,000 characters, valid JSON. undefined when it is absent or empty; `example` shows what
 * to pass when it is not JSON.
 */
export function jsonParameter(raw: unknown, name: string, example: string): unknown {
  if (raw === undefined || raw === '') return undefined;
  if (typeof raw !== 'string') throw new ExportRequestError(`"${name}" must be given once, as JSON.`);
  if (raw.length > 10_000) throw new ExportRequestError(`"${name}" is longer than 10,000 characters.`);
  try {
    return JSON.parse(raw);
  } catch {
    throw new ExportRequestError(`"${name}" is not valid JSON; pass ${example}.`);
  }
}

function strings(value: unknown, field: string): string[] | null {
  if (value === undefined || value === null) return null;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new ExportRequestError(`filter.${field} must be a list of codes.`);
  return value as string[];
}

function numbers<K extends string>(value: unknown, field: string, keys: K[]): Record<K, number> | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw new ExportRequestError(`filter.${field} must be an object with ${keys.join(', ')}.`);
  const out = {} as Record<K, number>;
  for (const key of keys) {
    if (typeof value[key] !== 'number') throw new ExportRequestError(`filter.${field}.${key} must be a number.`);
    out[key] = value[key] as number;
  }
  return out;
}

function dated(value: unknown, field: string, keys: string[]): Record<string, string | null> | null {
  if (value === undefined || value === null) return null;
  if (!isObject(value)) throw new ExportRequestError(`filter.${field} must be an object with ${keys.join(', ')}.`);
  const out: Record<string, string | null> = {};
  for (const key of keys) {
    const v = value[key];
    if (key === 'on' && (v === undefined || v === null)) out[key] = null;
    else if (typeof v !== 'string') throw new ExportRequestError(`filter.${field}.${key} must be a string.`);
    else out[key] = v;
  }
  return out;
}

const KNOWN = ['text', 'categories', 'targetGroups', 'regions', 'municipalities', 'near', 'bbox', 'licensedFor', 'contractableFor', 'contractableNear', 'verified', 'status', 'includeDemo'];

/** Checks the shape GraphQL's input coercion would check, for filters that arrive as JSON over plain HTTP. */
export function plainToFilter(value: unknown): OrganizationFilter {
  if (!isObject(value)) throw new ExportRequestError('"filter" must be a JSON object.');
  const unknown = Object.keys(value).filter((k) => !KNOWN.includes(k));
  if (unknown.length) throw new ExportRequestError(`Unknown filter field(s): ${unknown.join(', ')}. Known: ${KNOWN.join(', ')}.`);
  const filter = new OrganizationFilter();
  if (value.text !== undefined && value.text !== null) {
    if (typeof value.text !== 'string') throw new ExportRequestError('filter.text must be a string.');
    filter.text = value.text;
  }
  filter.categories = strings(value.categories, 'categories');
  filter.targetGroups = strings(value.targetGroups, 'targetGroups');
  filter.regions = strings(value.regions, 'regions');
  filter.municipalities = strings(value.municipalities, 'municipalities');
  filter.near = numbers(value.near, 'near', ['lat', 'lng', 'radiusKm']);
  filter.bbox = numbers(value.bbox, 'bbox', ['minLat', 'minLng', 'maxLat', 'maxLng']);
  filter.licensedFor = dated(value.licensedFor, 'licensedFor', ['category', 'on']) as OrganizationFilter['licensedFor'];
  filter.contractableFor = dated(value.contractableFor, 'contractableFor', ['category', 'municipality', 'on']) as OrganizationFilter['contractableFor'];
  if (value.contractableNear !== undefined && value.contractableNear !== null) {
    const near = value.contractableNear;
    if (!isObject(near)) throw new ExportRequestError('filter.contractableNear must be an object with category, near and on.');
    const { near: point, ...rest } = near;
    filter.contractableNear = {
      ...(dated(rest, 'contractableNear', ['category', 'on']) as { category: string; on: string | null }),
      near: numbers(point, 'contractableNear.near', ['lat', 'lng', 'radiusKm'])!,
    };
    if (!filter.contractableNear.near) throw new ExportRequestError('filter.contractableNear.near is required.');
  }
  for (const key of ['verified', 'includeDemo'] as const) {
    const v = value[key];
    if (v !== undefined && v !== null && typeof v !== 'boolean') throw new ExportRequestError(`filter.${key} must be true or false.`);
    filter[key] = (v as boolean | undefined) ?? null;
  }
  const status = strings(value.status, 'status');
  if (status) {
    const allowed = Object.values(OrganizationStatus) as string[];
    const bad = status.filter((s) => !allowed.includes(s));
    if (bad.length) throw new ExportRequestError(`filter.status: unknown value(s) ${bad.join(', ')}; use ${allowed.join(', ')}.`);
    filter.status = status as OrganizationStatus[];
  }
  return filter;
}

/** The `filter` query parameter: an OrganizationFilter as JSON, exactly as the GraphQL API takes it. */
export function parseFilterParameter(raw: unknown): OrganizationFilter {
  const value = jsonParameter(raw, 'filter', 'an OrganizationFilter such as {"categories":["residential"]}');
  return value === undefined ? new OrganizationFilter() : plainToFilter(value);
}

const CONTRACT_KNOWN = ['authorities', 'providers', 'categories', 'municipalities', 'years', 'modalities', 'status', 'includeDemo'];

/** The `contracts` query parameter of the OCDS export: a ContractFilter as JSON, as the contracts query takes it. */
export function parseContractFilterParameter(raw: unknown): ContractFilter | null {
  const value = jsonParameter(raw, 'contracts', 'a ContractFilter such as {"years":[2025]}');
  if (value === undefined) return null;
  if (!isObject(value)) throw new ExportRequestError('"contracts" must be a JSON object.');
  const unknown = Object.keys(value).filter((k) => !CONTRACT_KNOWN.includes(k));
  if (unknown.length) throw new ExportRequestError(`Unknown contract filter field(s): ${unknown.join(', ')}. Known: ${CONTRACT_KNOWN.join(', ')}.`);
  const filter = new ContractFilter();
  for (const key of ['authorities', 'providers', 'categories', 'municipalities', 'modalities', 'status'] as const) {
    (filter as any)[key] = strings(value[key], `contracts.${key}`.replace('filter.', ''));
  }
  if (value.years !== undefined && value.years !== null) {
    if (!Array.isArray(value.years) || !value.years.every((y) => Number.isInteger(y))) throw new ExportRequestError('contracts.years must be a list of years.');
    filter.years = value.years as number[];
  }
  const modalities = Object.values(ContractModality) as string[];
  const badModality = filter.modalities?.find((m) => !modalities.includes(m));
  if (badModality) throw new ExportRequestError(`contracts.modalities: unknown value ${badModality}; use ${modalities.join(', ')}.`);
  const statuses = Object.values(ContractStatus) as string[];
  const badStatus = filter.status?.find((m) => !statuses.includes(m));
  if (badStatus) throw new ExportRequestError(`contracts.status: unknown value ${badStatus}; use ${statuses.join(', ')}.`);
  if (value.includeDemo !== undefined && value.includeDemo !== null && typeof value.includeDemo !== 'boolean') throw new ExportRequestError('contracts.includeDemo must be true or false.');
  filter.includeDemo = (value.includeDemo as boolean | undefined) ?? null;
  return filter;
}
