import type { EntityManager } from '@mikro-orm/postgresql';
import type { WriteResult } from '../core/user-errors';
import { LIMITS, type Validator } from '../core/validation';
import type { Licence } from '../licences/licence.entity';
import type { Organization } from '../organizations/organization.entity';
import { VerificationStatus } from '../organizations/organization.enums';
import type { EditContext } from './edit-context';
import type { CreateLicenceInput, LicenceFieldsInput, UpdateLicenceInput } from './editing.inputs';
import { LICENCE_FIELDS, licenceSpec, organizationSpec } from './entity-specs';
import { recordChange } from './record-change';
import { type Revision, RevisionAction } from './revision.entity';
import type { Snapshot } from './revision.service';
import { createRecord, fieldContext, loadOrganization, updateRecord } from './write-steps';

function licencePatch(ctx: EditContext, input: LicenceFieldsInput, v: Validator, current: Licence | null): Snapshot {
  const creating = !current;
  const patch: Snapshot = {
    authority: v.text('authority', input.authority, LIMITS.name, { required: creating || input.authority !== undefined }),
    number: v.text('number', input.number, 100, { required: creating || input.number !== undefined }),
    categories: v.codes('categories', input.categories, (c) => ctx.catalog.categoriesByCode.has(c), 'service category', {
      required: creating || input.categories !== undefined,
    }),
    validFrom: v.date('validFrom', input.validFrom, { required: creating || input.validFrom !== undefined }),
    validUntil: v.date('validUntil', input.validUntil),
    documentReference: v.text('documentReference', input.documentReference, LIMITS.shortText),
  };
  const from = (patch.validFrom as string | undefined) ?? current?.validFrom;
  const until = patch.validUntil === undefined ? current?.validUntil : (patch.validUntil as string | null);
  if (v.ok && from && until && until < from) v.error('validUntil', `A licence cannot end (${until}) before it starts (${from}).`);
  return patch;
}

/**
 * "Contractable" trusts a verified organization's licences, so a licence that is added or whose
 * licence fields change unverifies its organization too (one more revision, of the organization):
 * an editor cannot widen what the organization is licensed for without a moderator looking.
 */
async function unverifyOrganizationForLicence(tx: EntityManager, ctx: EditContext, organization: Organization, licence: Licence, revision: Revision | null, authorId: string): Promise<void> {
  const licenceChanged = revision?.changes.some((c) => LICENCE_FIELDS.includes(c.field));
  if (!licenceChanged || organization.verificationStatus !== VerificationStatus.VERIFIED) return;
  await recordChange(
    tx,
    organizationSpec,
    organization,
    fieldContext(tx, ctx),
    { authorId, action: RevisionAction.UPDATE, reason: `Licence ${licence.number} ${revision!.action === RevisionAction.CREATE ? 'added' : 'changed'}: to be verified again` },
    () => {
      organization.verificationStatus = VerificationStatus.UNVERIFIED;
      organization.verifiedAt = null;
      organization.verifiedBy = null;
    },
  );
}

export function createLicence(ctx: EditContext, input: CreateLicenceInput): Promise<WriteResult<Licence>> {
  return createRecord(ctx, licenceSpec, input.organizationId, {
    patch: (_tx, v) => licencePatch(ctx, input, v, null),
    after: (tx, licence, revision, actor, organization) => unverifyOrganizationForLicence(tx, ctx, organization, licence, revision, actor.user.id),
  });
}

export function updateLicence(ctx: EditContext, input: UpdateLicenceInput): Promise<WriteResult<Licence>> {
  return updateRecord(ctx, licenceSpec, input, (_tx, v, licence) => licencePatch(ctx, input, v, licence), async (tx, licence, revision, actor) => {
    const organization = await loadOrganization(tx, licence.organization.id);
    await unverifyOrganizationForLicence(tx, ctx, organization, licence, revision, actor.user.id);
  });
}
