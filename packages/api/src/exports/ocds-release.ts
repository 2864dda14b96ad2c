import type { ReferenceCatalog } from '../reference/reference-catalog';

type Row = Record<string, any>;

/** Organization identifiers of civimap's own registers (no org-id.guide list covers Kosovo's authorities). */
export const AUTHORITY_SCHEME = 'XK-CIVIMAP-AUTHORITY';
/** Kosovo's NGO register (Department for NGO Registration and Liaison), by registration number. */
export const NGO_SCHEME = 'XK-NGO';
/** The item classification of civimap's service categories, added to the open codelist by the civimap extension. */
export const CATEGORY_SCHEME = 'civimap-service-category';

export interface OcdsSettings {
  prefix: string;
  /** Kosovo's date today (YYYY-MM-DD): an active contract whose period ended before it is reported terminated. */
  today: string;
}

/**
 * The OCDS contract and award status of a contract, from its recorded status and its dates:
 *   PLANNED   → contract pending,    award pending; not signed, so no dateSigned.
 *   ACTIVE    → contract active,     award active; dateSigned = the award date;
 *               but terminated once its period has ended (endDate before today).
 *   COMPLETED → contract terminated, award active.
 *   CANCELLED → contract cancelled,  award cancelled.
 */
export function ocdsStatus(k: Row, today: string): { contract: string; award: string; signed: boolean } {
  switch (k.status) {
    case 'PLANNED':
      return { contract: 'pending', award: 'pending', signed: false };
    case 'COMPLETED':
      return { contract: 'terminated', award: 'active', signed: true };
    case 'CANCELLED':
      return { contract: 'cancelled', award: 'cancelled', signed: Boolean(k.award_date) };
    default: {
      const ended = Boolean(k.end_date) && day(k.end_date) < today;
      return { contract: ended ? 'terminated' : 'active', award: 'active', signed: true };
    }
  }
}

/**
 * One OCDS 1.1.5 release per contract: the buyer (also the procuring entity) and the supplier as
 * parties with identifiers, a tender naming the procuring entity, the award and the contract.
 * civimap's own fields (modality, reference, demo flag) sit in `civimap`, declared by the civimap
 * extension the package lists.
 */
export function contractRelease(k: Row, catalog: ReferenceCatalog, settings: OcdsSettings): object {
  const authority = catalog.authoritiesById.get(k.authority_id);
  const provider = k.provider;
  const buyerName = authority?.names.sq ?? 'unknown authority';
  const buyer = { id: `${AUTHORITY_SCHEME}-${authority?.code ?? k.authority_id}`, name: buyerName };
  const supplier = { id: `civimap-organization-${provider.id}`, name: provider.name_sq };
  const value = k.amount === null || k.amount === undefined ? undefined : { amount: Number(k.amount), currency: k.currency };
  const period = k.start_date || k.end_date ? { startDate: dateTime(k.start_date), endDate: dateTime(k.end_date) } : undefined;
  const status = ocdsStatus(k, settings.today);
  const items = (k.categories as string[]).map((code, index) => ({
    id: String(index + 1),
    description: catalog.categoriesByCode.get(code)?.names.en ?? code,
    classification: { scheme: CATEGORY_SCHEME, id: code, description: catalog.categoriesByCode.get(code)?.names.sq ?? code },
  }));
  return compact({
    ocid: `${settings.prefix}-${k.id}`,
    id: `${k.id}-${new Date(k.updated_at).getTime()}`,
    date: new Date(k.updated_at).toISOString(),
    tag: ['tender', 'award', 'contract'],
    initiationType: 'tender',
    language: 'sq',
    parties: [
      { ...buyer, identifier: { scheme: AUTHORITY_SCHEME, id: authority?.code ?? k.authority_id, legalName: buyerName }, roles: ['buyer', 'procuringEntity'] },
      {
        ...supplier,
        roles: ['supplier'],
        identifier: provider.registration_number ? { scheme: NGO_SCHEME, id: provider.registration_number, legalName: provider.name_sq } : undefined,
      },
    ],
    buyer,
    tender: { id: `${k.id}-tender`, procuringEntity: buyer, procurementMethodDetails: k.modality },
    awards: [
      {
        id: `${k.id}-award`,
        title: k.title ?? undefined,
        status: status.award,
        date: dateTime(k.award_date),
        value,
        suppliers: [supplier],
        items,
        contractPeriod: period,
      },
    ],
    contracts: [
      {
        id: k.id,
        awardID: `${k.id}-award`,
        title: k.title ?? undefined,
        status: status.contract,
        period,
        value,
        dateSigned: status.signed ? dateTime(k.award_date) : undefined,
        items,
        documents: k.url ? [{ id: `${k.id}-doc`, url: k.url, title: k.reference ?? undefined }] : undefined,
      },
    ],
    civimap: { modality: k.modality, recordedStatus: k.status, reference: k.reference ?? undefined, isDemo: k.is_demo },
  });
}

const day = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

function dateTime(value: unknown): string | undefined {
  return value ? `${day(value)}T00:00:00Z` : undefined;
}

/** Drops undefined members, so optional OCDS fields are absent rather than null. */
function compact<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}
