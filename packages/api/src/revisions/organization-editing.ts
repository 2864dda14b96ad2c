import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../access/policy';
import type { WriteResult } from '../core/user-errors';
import { LIMITS, type Validator } from '../core/validation';
import { Organization } from '../organizations/organization.entity';
import type { EditContext } from './edit-context';
import type { OrganizationFieldsInput, UpdateOrganizationInput } from './editing.inputs';
import { organizationSpec } from './entity-specs';
import { localizedPatch, requiredEnum } from './field-patches';
import { applyAndRecord } from './record-change';
import type { Snapshot } from './revision.service';
import { createAudit, fieldContext, updateRecord, validPatch } from './write-steps';

export function organizationPatch(input: OrganizationFieldsInput, v: Validator, creating: boolean): Snapshot {
  const thisYear = new Date().getUTCFullYear();
  const patch: Snapshot = {
    ...localizedPatch(v, 'names', input.names, LIMITS.name, creating),
    acronym: v.text('acronym', input.acronym, 40),
    ...localizedPatch(v, 'descriptions', input.descriptions, LIMITS.description, false),
    legalForm: requiredEnum(v, 'legalForm', input.legalForm),
    registrationNumber: v.text('registrationNumber', input.registrationNumber, 100),
    registrationDate: v.date('registrationDate', input.registrationDate),
    publicBenefit: input.publicBenefit === null ? false : input.publicBenefit,
    website: v.url('website', input.website),
    email: v.email('email', input.email),
    phone: v.phone('phone', input.phone),
    yearFounded: v.int('yearFounded', input.yearFounded, 1900, thisYear),
    staffCount: v.int('staffCount', input.staffCount, 0, 100_000),
    volunteerCount: v.int('volunteerCount', input.volunteerCount, 0, 100_000),
    budgetBand: input.budgetBand,
    status: requiredEnum(v, 'status', input.status),
  };
  if (input.socialLinks !== undefined) {
    const links = input.socialLinks ?? [];
    if (links.length > LIMITS.socialLinks) v.error('socialLinks', `At most ${LIMITS.socialLinks} links.`);
    patch.socialLinks = links.map((link, i) => v.url(`socialLinks.${i}`, link)).filter((l): l is string => Boolean(l));
  }
  if (input.registrationDate && patch.registrationDate && (patch.registrationDate as string) > new Date().toISOString().slice(0, 10)) {
    v.error('registrationDate', 'The registration date cannot be in the future.');
  }
  if (input.fundingMix !== undefined) Object.assign(patch, fundingPatch(input.fundingMix, v));
  return patch;
}

/** The four funding shares, which must add up to 100 percent when any is given. */
function fundingPatch(fundingMix: OrganizationFieldsInput['fundingMix'], v: Validator): Snapshot {
  const mix = fundingMix ?? {};
  const shares = {
    'fundingMix.publicSources': v.int('fundingMix.publicSources', mix.publicSources ?? null, 0, 100),
    'fundingMix.foreignDonors': v.int('fundingMix.foreignDonors', mix.foreignDonors ?? null, 0, 100),
    'fundingMix.ownRevenue': v.int('fundingMix.ownRevenue', mix.ownRevenue ?? null, 0, 100),
    'fundingMix.other': v.int('fundingMix.other', mix.other ?? null, 0, 100),
  };
  const given = Object.values(shares).filter((s): s is number => typeof s === 'number');
  const sum = given.reduce((a, b) => a + b, 0);
  if (v.ok && given.length && sum !== 100) v.error('fundingMix', `The funding shares must add up to 100 percent; they add up to ${sum}.`);
  return shares;
}

/** A new organization (for the membership request that founds it): validated, created and recorded in the caller's transaction. */
export async function createOrganizationRecord(tx: EntityManager, ctx: EditContext, input: OrganizationFieldsInput, actor: Actor): Promise<Organization> {
  const patch = await validPatch((v) => organizationPatch(input, v, true));
  const organization = new Organization();
  await applyAndRecord(tx, organizationSpec, organization, patch, fieldContext(tx, ctx), createAudit(actor));
  return organization;
}

export function updateOrganization(ctx: EditContext, input: UpdateOrganizationInput): Promise<WriteResult<Organization>> {
  return updateRecord(ctx, organizationSpec, input, (_tx, v) => organizationPatch(input, v, false));
}
