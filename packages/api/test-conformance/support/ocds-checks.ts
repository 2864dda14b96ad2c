import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import type { ValidateFunction } from 'ajv';
import { closeObjects, createAjv, loadStandard, standardsPath } from './standards';

/**
 * The OCDS community's additional checks beyond schema validity (as the OCDS Data Review Tool and
 * lib-cove-ocds run them): unique ocid/id pairs, references to parties, codelist values, periods,
 * and statuses consistent with the dates. Each problem is one line; none means the package passes.
 */
const RELEASE_ID = 'https://standard.open-contracting.org/schema/1__1__5/release-schema.json';

const codes = (file: string): Set<string> =>
  new Set((parse(fs.readFileSync(standardsPath(`ocds-1.1.5/codelists/${file}`), 'utf8'), { columns: true, bom: true }) as { Code: string }[]).map((r) => r.Code));

/** Extra codes an extension adds to open codelists (e.g. its +itemClassificationScheme.csv). */
export interface ChecksOptions {
  prefix: string;
  today: string;
  addedClassificationSchemes?: string[];
}

const day = (value: string | undefined) => (value ? value.slice(0, 10) : undefined);

export async function ocdsAdditionalChecks(pkg: any, options: ChecksOptions): Promise<string[]> {
  const problems: string[] = [];
  const tags = codes('releaseTag.csv');
  const initiation = codes('initiationType.csv');
  const roles = codes('partyRole.csv');
  const awardStatus = codes('awardStatus.csv');
  const contractStatus = codes('contractStatus.csv');
  const currency = codes('currency.csv');
  const schemes = new Set([...codes('itemClassificationScheme.csv'), ...(options.addedClassificationSchemes ?? ['civimap-service-category'])]);
  const pairs = new Set<string>();
  const releaseIds = new Set<string>();
  for (const r of pkg.releases) {
    const at = r.ocid;
    const pair = `${r.ocid} ${r.id}`;
    if (pairs.has(pair)) problems.push(`${at}: the ocid/id pair ${pair} is not unique`);
    pairs.add(pair);
    if (releaseIds.has(r.id)) problems.push(`${at}: release id ${r.id} repeats`);
    releaseIds.add(r.id);
    if (!r.ocid.startsWith(`${options.prefix}-`)) problems.push(`${at}: the ocid does not start with the prefix ${options.prefix}-`);
    for (const tag of r.tag) if (!tags.has(tag)) problems.push(`${at}: tag ${tag} is not in releaseTag`);
    if (!initiation.has(r.initiationType)) problems.push(`${at}: initiationType ${r.initiationType} is not in the codelist`);

    // Party references: every reference names a party by id and name, and the party has the role.
    const parties = new Map<string, any>(r.parties.map((p: any) => [p.id, p]));
    if (parties.size !== r.parties.length) problems.push(`${at}: party ids repeat`);
    for (const p of r.parties) for (const role of p.roles) if (!roles.has(role)) problems.push(`${at}: party role ${role} is not in partyRole`);
    const refer = (ref: any, role: string, where: string) => {
      const party = ref && parties.get(ref.id);
      if (!party) return problems.push(`${at}: ${where} refers to no party (${ref?.id})`);
      if (party.name !== ref.name) problems.push(`${at}: ${where} names "${ref.name}", the party "${party.name}"`);
      if (!party.roles.includes(role)) problems.push(`${at}: ${where} refers to a party without the role ${role}`);
    };
    refer(r.buyer, 'buyer', 'buyer');
    if (r.parties.some((p: any) => p.roles.includes('procuringEntity'))) refer(r.tender?.procuringEntity, 'procuringEntity', 'tender/procuringEntity');
    for (const p of r.parties) if (p.roles.includes('buyer') && !p.identifier?.id) problems.push(`${at}: the buyer has no identifier`);

    const awards = new Map<string, any>((r.awards ?? []).map((a: any) => [a.id, a]));
    for (const a of r.awards ?? []) {
      if (!awardStatus.has(a.status)) problems.push(`${at}: award status ${a.status} is not in awardStatus`);
      for (const s of a.suppliers ?? []) refer(s, 'supplier', `award ${a.id} supplier`);
      checkPeriod(a.contractPeriod, `${at}: award ${a.id} contractPeriod`, problems);
      checkValue(a.value, `${at}: award ${a.id}`, currency, problems);
      for (const item of a.items ?? []) if (!schemes.has(item.classification?.scheme)) problems.push(`${at}: item classification scheme ${item.classification?.scheme} is unknown`);
    }
    for (const c of r.contracts ?? []) {
      const where = `${at}: contract ${c.id}`;
      if (!contractStatus.has(c.status)) problems.push(`${where}: status ${c.status} is not in contractStatus`);
      if (!awards.has(c.awardID)) problems.push(`${where}: awardID ${c.awardID} names no award`);
      checkPeriod(c.period, `${where} period`, problems);
      checkValue(c.value, where, currency, problems);
      // Status against the dates: a pending contract is not signed; an active one has not ended.
      if (c.status === 'pending' && c.dateSigned) problems.push(`${where}: pending but signed on ${c.dateSigned}`);
      if (c.status === 'active' && c.period?.endDate && day(c.period.endDate)! < options.today) problems.push(`${where}: active but its period ended on ${c.period.endDate}`);
      if (c.status === 'active' && !c.dateSigned) problems.push(`${where}: active but not signed`);
      if (c.dateSigned && c.period?.endDate && day(c.dateSigned)! > day(c.period.endDate)!) problems.push(`${where}: signed after its period ended`);
      const award = awards.get(c.awardID);
      if (award?.status === 'cancelled' && c.status === 'active') problems.push(`${where}: active under a cancelled award`);
    }
  }
  return problems;
}

function checkPeriod(period: any, where: string, problems: string[]): void {
  if (!period) return;
  if (period.startDate && period.endDate && period.startDate > period.endDate) problems.push(`${where}: startDate after endDate`);
  for (const key of ['startDate', 'endDate'] as const) if (period[key] && Number.isNaN(Date.parse(period[key]))) problems.push(`${where}: ${key} is no date`);
}

function checkValue(value: any, where: string, currency: Set<string>, problems: string[]): void {
  if (!value) return;
  if (!currency.has(value.currency)) problems.push(`${where}: currency ${value.currency} is not in the codelist`);
  if (typeof value.amount !== 'number' || value.amount < 0) problems.push(`${where}: amount ${value.amount} is not a non-negative number`);
}

/** RFC 7396 JSON Merge Patch, as OCDS applies an extension's schema patches. */
export function mergePatch(target: any, patch: any): any {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const result = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/**
 * Validators of the release and the package schema with an extension's patches applied and every
 * object closed: a field neither OCDS nor a declared extension defines fails.
 */
export function withExtension(patches: Record<string, unknown>): { validateRelease: ValidateFunction; validatePackage: ValidateFunction } {
  const strip = (schema: any) => {
    delete schema.$schema;
    return schema;
  };
  const release = closeObjects(mergePatch(strip(loadStandard('ocds-1.1.5/release-schema.json')), patches['release-schema.json'] ?? {}));
  const pkg = closeObjects(mergePatch(strip(loadStandard('ocds-1.1.5/release-package-schema.json')), patches['release-package-schema.json'] ?? {}));
  const ajv = createAjv('draft-04');
  ajv.addSchema({ ...release, id: RELEASE_ID }, RELEASE_ID);
  const validatePackage = ajv.compile({ ...pkg, id: undefined });
  const validateRelease = ajv.getSchema(RELEASE_ID)!;
  return { validateRelease, validatePackage };
}
