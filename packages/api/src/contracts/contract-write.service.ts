import type { EntityManager } from '@mikro-orm/postgresql';
import { UserRole } from '../users/user.enums';
import { type Actor, authorize } from '../access/policy';
import { RevisionAction } from '../revisions/revision.entity';
import { recordRevision, type Snapshot } from '../revisions/revision.service';
import { LIMITS, Validator } from '../core/validation';
import { findById } from '../core/ids';
import { todayInKosovo } from '../geography/geo';
import { fail, userError, UserErrorCode, UserErrorsException, type WriteResult, writeTransaction, staleVersion } from '../core/user-errors';
import { Organization } from '../organizations/organization.entity';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { Contract } from './contract.entity';
import { ContractStatus } from './contract.enums';
import type { RecordContractInput, UpdateContractInput } from './contract-write.inputs';

export interface ContractWriteContext {
  em: EntityManager;
  catalog: ReferenceCatalog;
  actor: Actor | null;
}

/** The largest amount a contract may state: a typo guard (no social-service contract in Kosovo comes near). */
const MAX_AMOUNT_EUR = 100_000_000;

/** The contract's optional dates and texts, null where not given: as a revision records them and as a new contract stores them. */
const OPTIONAL_FIELDS = ['startDate', 'endDate', 'awardDate', 'reference', 'url', 'title'] as const;
type OptionalFields = Record<(typeof OPTIONAL_FIELDS)[number], string | null>;

function optionalFields(source: { [K in keyof OptionalFields]?: string | null }): OptionalFields {
  return Object.fromEntries(OPTIONAL_FIELDS.map((field) => [field, source[field] ?? null])) as OptionalFields;
}

async function contractSnapshot(tx: EntityManager, contract: Contract): Promise<Snapshot> {
  if (!contract.categories.isInitialized()) await contract.categories.init();
  return {
    authority: contract.authority.id,
    provider: contract.provider.id,
    categories: contract.categories.getItems().map((c) => c.code).sort(),
    modality: contract.modality,
    amount: contract.amount === null || contract.amount === undefined ? null : Number(contract.amount).toFixed(2),
    currency: contract.currency,
    ...optionalFields(contract),
    status: contract.status,
  };
}

/** Officers write contracts of their own authority only; administrators of any. */
function checkAuthority(actor: Actor, authorityId: string, catalog: ReferenceCatalog): void {
  if (actor.role === UserRole.ADMIN) return;
  const own = actor.user.authority?.id ?? null;
  if (own !== authorityId) {
    const name = catalog.authoritiesById.get(authorityId)?.names.sq ?? 'this authority';
    fail(UserErrorCode.FORBIDDEN, `Officers record contracts of their own authority only, not of ${name}.`, ['input', 'authority']);
  }
}

function validateFields(v: Validator, catalog: ReferenceCatalog, input: Partial<RecordContractInput>) {
  const categories = v.codes('categories', input.categories, (c) => catalog.categoriesByCode.has(c), 'service category', { required: input.categories !== undefined });
  const amount = v.number('amount', input.amount, 0, MAX_AMOUNT_EUR);
  const startDate = v.date('startDate', input.startDate);
  const endDate = v.date('endDate', input.endDate);
  const awardDate = v.date('awardDate', input.awardDate);
  if (startDate && endDate && endDate < startDate) v.error('endDate', 'The end date is before the start date.');
  // A contract is recorded once it is awarded: an award date after today is a typing mistake (a
  // planned contract has a future start date, not a future award).
  const today = todayInKosovo();
  if (awardDate && awardDate > today) v.error('awardDate', `The award date ${awardDate} is after today (${today}): record a contract once it has been awarded.`);
  return {
    categories,
    amount,
    startDate,
    endDate,
    awardDate,
    reference: v.text('reference', input.reference, LIMITS.shortText),
    url: v.url('url', input.url),
    title: v.text('title', input.title, LIMITS.name),
  };
}

async function loadProvider(tx: EntityManager, id: string | null | undefined, v: Validator): Promise<Organization | undefined> {
  if (id === undefined || id === null) return undefined;
  const provider = await findById(tx, Organization, id);
  if (!provider) v.error('provider', `No organization has the id "${String(id).slice(0, 60)}".`);
  return provider ?? undefined;
}

/**
 * Records a contract once: a reference is unique per authority, and a repeated submission (same
 * idempotency key, even concurrent) answers with the contract the first one recorded. The database
 * enforces both (unique indexes), so parallel identical calls cannot create duplicates.
 */
export async function recordContract(ctx: ContractWriteContext, input: RecordContractInput): Promise<WriteResult<Contract>> {
  const key = typeof input.idempotencyKey === 'string' && input.idempotencyKey.trim() ? input.idempotencyKey.trim() : null;
  if (key && key.length > 100) return { value: null, userErrors: [userError(UserErrorCode.INVALID_INPUT, 'The idempotency key may have at most 100 characters.', ['input', 'idempotencyKey'])] };
  const result = await insertContract(ctx, input, key);
  // The loser of a race on the same key tries once more, and so finds the winner's contract.
  return result.value || !key ? result : insertContract(ctx, input, key);
}

function insertContract(ctx: ContractWriteContext, input: RecordContractInput, key: string | null): Promise<WriteResult<Contract>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'contract.write');
    const authority = ctx.catalog.authoritiesByCode.get(input.authority);
    if (!authority) fail(UserErrorCode.INVALID_INPUT, `Unknown public authority "${String(input.authority).slice(0, 60)}".`, ['input', 'authority']);
    checkAuthority(actor, authority.id, ctx.catalog);
    const earlier = key ? await tx.findOne(Contract, { authority: authority.id, idempotencyKey: key }) : null;
    if (earlier) return earlier;
    const v = new Validator();
    const fields = validateFields(v, ctx.catalog, input);
    const provider = await loadProvider(tx, input.provider, v);
    if (fields.reference && (await tx.count(Contract, { authority: authority.id, reference: fields.reference }))) {
      v.error('reference', `${authority.names.sq} already has a contract with the reference "${fields.reference}".`);
    }
    if (!v.ok) throw new UserErrorsException(v.errors);
    const contract = tx.create(Contract, {
      authority: authority.id,
      provider: provider!,
      modality: input.modality,
      amount: fields.amount === null || fields.amount === undefined ? null : fields.amount.toFixed(2),
      ...optionalFields(fields),
      status: input.status ?? ContractStatus.ACTIVE,
      recordedBy: actor.user.id,
      idempotencyKey: key,
    } as any);
    contract.categories.set(await tx.find(ServiceCategory, { code: { $in: fields.categories ?? [] } }));
    recordRevision(tx, {
      entityType: 'Contract',
      entityId: contract.id,
      organizationId: provider!.id,
      authorId: actor.user.id,
      action: RevisionAction.CREATE,
      before: null,
      after: await contractSnapshot(tx, contract),
    });
    return contract;
  });
}

export function updateContract(ctx: ContractWriteContext, input: UpdateContractInput): Promise<WriteResult<Contract>> {
  return writeTransaction(ctx.em, async (tx) => {
    const actor = authorize(ctx.actor, 'contract.write');
    const contract = await findById(tx, Contract, input.id, { populate: ['categories'] });
    if (!contract) fail(UserErrorCode.NOT_FOUND, `No contract has the id "${String(input.id).slice(0, 60)}".`, ['input', 'id']);
    checkAuthority(actor, contract.authority.id, ctx.catalog);
    if (contract.version !== input.version) staleVersion('contract', input.version, contract.version);
    const v = new Validator();
    const fields = validateFields(v, ctx.catalog, input as Partial<RecordContractInput>);
    const provider = await loadProvider(tx, input.provider, v);
    if (input.modality === null) v.error('modality', 'The modality cannot be emptied.');
    if (input.status === null) v.error('status', 'The status cannot be emptied.');
    if (!v.ok) throw new UserErrorsException(v.errors);
    const before = await contractSnapshot(tx, contract);
    if (provider) contract.provider = provider;
    if (input.modality) contract.modality = input.modality;
    if (input.status) contract.status = input.status;
    if (fields.amount !== undefined) contract.amount = fields.amount === null ? null : fields.amount.toFixed(2);
    for (const key of ['startDate', 'endDate', 'awardDate', 'reference', 'url', 'title'] as const) {
      if (fields[key] !== undefined) (contract as any)[key] = fields[key];
    }
    if (fields.categories) contract.categories.set(await tx.find(ServiceCategory, { code: { $in: fields.categories } }));
    const after = await contractSnapshot(tx, contract);
    const revision = recordRevision(tx, {
      entityType: 'Contract',
      entityId: contract.id,
      organizationId: contract.provider.id,
      authorId: actor.user.id,
      action: RevisionAction.UPDATE,
      before,
      after,
    });
    // Only the categories may have changed: touching updatedAt moves the version with them.
    if (revision) contract.updatedAt = new Date();
    return contract;
  });
}
