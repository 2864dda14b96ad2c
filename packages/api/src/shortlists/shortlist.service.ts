import type { EntityManager } from '@mikro-orm/postgresql';
import { type Actor, authorize } from '../access/policy';
import { RevisionAction } from '../revisions/revision.entity';
import { recordRevision, type Snapshot } from '../revisions/revision.service';
import { LIMITS, Validator } from '../core/validation';
import { findById, isUuid } from '../core/ids';
import { fail, staleVersion, UserErrorCode, UserErrorsException, type WriteResult, writeTransaction } from '../core/user-errors';
import { Organization } from '../organizations/organization.entity';
import { Shortlist, ShortlistEntry } from './shortlist.entity';
import type { CreateShortlistInput, ShortlistEntryInput, UpdateShortlistInput } from './shortlist.inputs';

export const MAX_SHORTLIST_ENTRIES = 200;

function snapshot(list: Shortlist): Snapshot {
  return {
    name: list.name,
    notes: list.notes ?? null,
    entries: [...list.entries.getItems()].sort((a, b) => a.position - b.position).map((e) => ({ organization: e.organization.id, note: e.note ?? null })),
  };
}

async function validEntries(tx: EntityManager, v: Validator, entries: ShortlistEntryInput[] | null | undefined) {
  if (entries === undefined || entries === null) return undefined;
  if (entries.length > MAX_SHORTLIST_ENTRIES) return v.error('entries', `At most ${MAX_SHORTLIST_ENTRIES} organizations in a shortlist.`);
  const ids = entries.map((e) => e.organization);
  const bad = ids.find((id) => !isUuid(id));
  if (bad) return v.error('entries', `"${bad.slice(0, 60)}" is not an organization id.`);
  if (new Set(ids.map((i) => i.toLowerCase())).size !== ids.length) return v.error('entries', 'An organization appears twice.');
  const found = new Set((await tx.find(Organization, { id: { $in: ids.map((i) => i.toLowerCase()) } }, { fields: ['id'] })).map((o) => o.id));
  const missing = ids.filter((id) => !found.has(id.toLowerCase()));
  if (missing.length) return v.error('entries', `No organization has the id ${missing[0]}.`);
  return entries.map((e, i) => ({ organization: e.organization.toLowerCase(), note: v.text(`entries.${i}.note`, e.note, LIMITS.shortText) ?? null }));
}

/** Keeps the rows of organizations that stay (the unique (shortlist, organization) key forbids delete-then-insert in one flush). */
function replaceEntries(tx: EntityManager, list: Shortlist, entries: { organization: string; note: string | null }[]) {
  const existing = new Map(list.entries.getItems().map((e) => [e.organization.id, e]));
  const keep = new Set(entries.map((e) => e.organization));
  for (const [organizationId, entry] of existing) if (!keep.has(organizationId)) list.entries.remove(entry);
  entries.forEach((e, position) => {
    const entry = existing.get(e.organization);
    if (entry) Object.assign(entry, { note: e.note, position });
    else list.entries.add(tx.create(ShortlistEntry, { shortlist: list, organization: tx.getReference(Organization, e.organization), note: e.note, position }));
  });
}

/** A shortlist is private: only its owner (or an administrator) reads or changes it; others see "not found". */
export async function loadOwnShortlist(em: EntityManager, actor: Actor, id: string): Promise<Shortlist> {
  const list = await findById(em, Shortlist, id, { populate: ['entries'], orderBy: { entries: { position: 'asc' } } });
  if (!list || (list.owner.id !== actor.user.id && actor.role !== 'ADMIN')) fail(UserErrorCode.NOT_FOUND, `No shortlist of yours has the id "${String(id).slice(0, 60)}".`, ['input', 'id']);
  return list;
}

export function createShortlist(em: EntityManager, actor: Actor | null, input: CreateShortlistInput): Promise<WriteResult<Shortlist>> {
  return writeTransaction(em, async (tx) => {
    const owner = authorize(actor, 'shortlist.write');
    const v = new Validator();
    const name = v.text('name', input.name, LIMITS.name, { required: true });
    const notes = v.text('notes', input.notes, LIMITS.description);
    const entries = await validEntries(tx, v, input.entries);
    if (!v.ok) throw new UserErrorsException(v.errors);
    const list = tx.create(Shortlist, { owner: owner.user.id, name: name!, notes: notes ?? null } as any);
    replaceEntries(tx, list, entries ?? []);
    recordRevision(tx, { entityType: 'Shortlist', entityId: list.id, organizationId: null, authorId: owner.user.id, action: RevisionAction.CREATE, before: null, after: snapshot(list) });
    return list;
  });
}

export function updateShortlist(em: EntityManager, actor: Actor | null, input: UpdateShortlistInput): Promise<WriteResult<Shortlist>> {
  return writeTransaction(em, async (tx) => {
    const owner = authorize(actor, 'shortlist.write');
    const list = await loadOwnShortlist(tx, owner, input.id);
    if (list.version !== input.version) staleVersion('shortlist', input.version, list.version);
    const v = new Validator();
    const name = input.name === undefined ? undefined : v.text('name', input.name, LIMITS.name, { required: true });
    const notes = v.text('notes', input.notes, LIMITS.description);
    const entries = await validEntries(tx, v, input.entries);
    if (!v.ok) throw new UserErrorsException(v.errors);
    const before = snapshot(list);
    if (name) list.name = name;
    if (notes !== undefined) list.notes = notes;
    if (entries) replaceEntries(tx, list, entries);
    const revision = recordRevision(tx, { entityType: 'Shortlist', entityId: list.id, organizationId: null, authorId: owner.user.id, action: RevisionAction.UPDATE, before, after: snapshot(list) });
    if (revision) list.updatedAt = new Date();
    return list;
  });
}
