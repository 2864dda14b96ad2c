import Ajv, { type AnySchema, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The official schemas and reference files the conformance suite checks civimap against. They are
 * never copied into the repository: they are read from the folders the environment names
 * (CIVIMAP_STANDARDS_DIR, CIVIMAP_BOUNDARIES_DIR), by default ../shared/reference/... beside the
 * repository's root.
 */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

function folder(variable: string, fallback: string): string {
  const value = process.env[variable];
  const dir = value ? path.resolve(repoRoot, value) : path.resolve(repoRoot, fallback);
  if (!fs.existsSync(dir)) {
    throw new Error(`${variable}: the folder ${dir} does not exist. Set ${variable} to the folder holding the official files (default ${fallback} from the repository root).`);
  }
  return dir;
}

export const standardsDir = () => folder('CIVIMAP_STANDARDS_DIR', '../shared/reference/standards');
export const boundariesDir = () => folder('CIVIMAP_BOUNDARIES_DIR', '../shared/reference/boundaries');

/** A file of the standards folder by its relative path, e.g. "hsds-3.0/organization.json". */
export function standardsPath(relativePath: string): string {
  const file = path.join(standardsDir(), relativePath);
  if (!fs.existsSync(file)) throw new Error(`No file ${relativePath} in the standards folder ${standardsDir()}.`);
  return file;
}

const jsonCache = new Map<string, unknown>();

export function loadStandard<T = any>(relativePath: string): T {
  const file = standardsPath(relativePath);
  if (!jsonCache.has(file)) jsonCache.set(file, JSON.parse(fs.readFileSync(file, 'utf8')));
  // A deep copy: callers may adapt a schema (close it, inline a reference) without touching the cache.
  return structuredClone(jsonCache.get(file)) as T;
}

export type Dialect = '2020-12' | 'draft-07' | 'draft-04';

/** The JSON Schema dialect a schema declares in $schema, if it does. */
export function dialectOf(schema: { $schema?: string }): Dialect | null {
  const declared = schema.$schema ?? '';
  if (declared.includes('2020-12')) return '2020-12';
  if (declared.includes('draft-07')) return 'draft-07';
  if (declared.includes('draft-04')) return 'draft-04';
  return null;
}

/** An Ajv for a dialect, with the formats of ajv-formats; not strict, as official schemas carry keywords of their own. */
export function createAjv(dialect: Dialect, options: Options = {}): Ajv {
  const settings: Options = { strict: false, allErrors: true, ...options };
  const ajv = dialect === '2020-12' ? new Ajv2020(settings) : dialect === 'draft-04' ? new AjvDraft04(settings) : new Ajv(settings);
  addFormats(ajv as never);
  return ajv as Ajv;
}

/**
 * Every object schema (one with properties) gets additionalProperties: false unless it says otherwise:
 * HSDS's compiled schemas leave objects open, and closing them checks that we add nothing HSDS does not define.
 */
export function closeObjects<T>(schema: T): T {
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.properties && typeof record.properties === 'object' && record.additionalProperties === undefined) record.additionalProperties = false;
    for (const [key, value] of Object.entries(record)) if (key !== 'enum' && key !== 'const' && key !== 'example' && key !== 'examples') visit(value);
  };
  visit(schema);
  return schema;
}

export interface CompileOptions {
  /** The dialect, when the schema does not declare one in $schema (HSDS's compiled schemas do not: they are 2020-12). */
  dialect?: Dialect;
  /** Close every object schema (see closeObjects). */
  closed?: boolean;
  /** Other standards files the schema refers to, added under their $id (or under the given id). */
  references?: (string | { path: string; id: string })[];
  /** Use only a part of the file: a JSON pointer such as "/properties/attributes/items/properties/taxonomy_term". */
  pointer?: string;
}

const validators = new Map<string, ValidateFunction>();

function resolvePointer(schema: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => {
      const next = (node as Record<string, unknown> | undefined)?.[part];
      if (next === undefined) throw new Error(`No ${pointer} in the schema.`);
      return next;
    }, schema);
}

/** A compiled validator for a standards file, cached per file and options. */
export function compileStandard(relativePath: string, options: CompileOptions = {}): ValidateFunction {
  const key = JSON.stringify([relativePath, options]);
  const cached = validators.get(key);
  if (cached) return cached;
  const whole = loadStandard<Record<string, unknown>>(relativePath);
  const dialect = options.dialect ?? dialectOf(whole as { $schema?: string });
  if (!dialect) throw new Error(`${relativePath} declares no $schema: pass the dialect.`);
  let schema = options.pointer ? (resolvePointer(whole, options.pointer) as Record<string, unknown>) : whole;
  if (options.closed) schema = closeObjects(schema);
  const ajv = createAjv(dialect);
  // The Ajv class fixes the dialect; a $schema spelled differently from the meta-schema's id Ajv knows
  // (the Compose spec says https://json-schema.org/draft-07/schema) would only make Ajv look it up and fail.
  const knownMeta = (target: Record<string, unknown>) => {
    if (typeof target.$schema === 'string' && !ajv.getSchema(target.$schema)) delete target.$schema;
    return target;
  };
  for (const reference of options.references ?? []) {
    const refPath = typeof reference === 'string' ? reference : reference.path;
    const refSchema = knownMeta(loadStandard<Record<string, unknown>>(refPath));
    const id = typeof reference === 'string' ? undefined : reference.id;
    ajv.addSchema((options.closed ? closeObjects(refSchema) : refSchema) as AnySchema, id);
  }
  const validate = ajv.compile(knownMeta(schema) as AnySchema);
  validators.set(key, validate);
  return validate;
}

/** Ajv's errors as short lines: "/services/0/status must be equal to one of the allowed values". */
export function describeErrors(errors: ErrorObject[] | null | undefined, limit = 10): string {
  if (!errors?.length) return '';
  const lines = errors.slice(0, limit).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}`);
  return lines.join('\n') + (errors.length > limit ? `\n… and ${errors.length - limit} more` : '');
}

/** Validates one value; returns the errors as text ('' when valid), for expect(...).toBe(''). */
export function check(validate: ValidateFunction, value: unknown): string {
  return validate(value) ? '' : describeErrors(validate.errors);
}
