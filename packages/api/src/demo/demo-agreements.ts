import { ContractModality, ContractStatus } from '../contracts/contract.enums';
import { VerificationStatus } from '../organizations/organization.enums';
import { Weighted } from './demo-random';
import { addMonths, type BuiltService, DAY, isoDate, isoTime, lowerFirst, MINUTE, REFERENCE, type RefCategory } from './demo-rows';
import type { OrganizationDraft } from './demo-sites';
import { AUTHORITY_PREFIX, MINISTRY_OF_JUSTICE_SQ, MUNICIPAL_DIRECTORATE_SQ } from './demo-vocabulary';

const LICENCE_KIND = new Weighted(['valid', 'expired', 'open-ended', 'not-yet-valid'] as const, [68, 15, 11, 6]);
const MODALITY = new Weighted(
  [ContractModality.GRANT, ContractModality.SOCIAL_SERVICES_CONTRACT, ContractModality.SUBSIDY, ContractModality.PUBLIC_PROCUREMENT, ContractModality.OTHER],
  [40, 25, 15, 15, 5],
);
const AMOUNT_RANGE: Record<ContractModality, [number, number]> = {
  [ContractModality.GRANT]: [3_000, 60_000],
  [ContractModality.SOCIAL_SERVICES_CONTRACT]: [20_000, 300_000],
  [ContractModality.PUBLIC_PROCUREMENT]: [10_000, 200_000],
  [ContractModality.SUBSIDY]: [1_000, 30_000],
  [ContractModality.OTHER]: [2_000, 50_000],
};
const TITLE_PREFIX_SQ: Record<ContractModality, string> = {
  [ContractModality.GRANT]: 'Grant për',
  [ContractModality.SOCIAL_SERVICES_CONTRACT]: 'Kontratë për ofrimin e shërbimit:',
  [ContractModality.PUBLIC_PROCUREMENT]: 'Prokurim i shërbimit:',
  [ContractModality.SUBSIDY]: 'Subvencion për',
  [ContractModality.OTHER]: 'Mbështetje financiare për',
};
const CONTRACT_COUNT = new Weighted([1, 2, 3], [55, 30, 15]);
const CONTRACT_MONTHS = new Weighted([6, 12, 24, 36], [20, 45, 25, 10]);

/**
 * Licences and contracts, numbered per year (and per authority) across the whole data set: the
 * sequences live as long as the generator, so numbers stay unique whatever the batch size.
 */
export class DemoAgreements {
  private readonly licenceSequence = new Map<string, number>();
  private readonly contractSequence = new Map<string, number>();

  private next(sequences: Map<string, number>, key: string): number {
    const sequence = (sequences.get(key) ?? 0) + 1;
    sequences.set(key, sequence);
    return sequence;
  }

  addLicences(draft: OrganizationDraft, services: BuiltService[], organizationVerifiedAt: number | null, createdAt: number): void {
    const { random: r, rows, home } = draft;
    const count = r.chance(0.75) ? 1 : 2;
    for (let l = 0; l < count; l++) {
      const covered = new Set<RefCategory>();
      for (const service of r.sample(services, r.int(1, 2))) {
        // A licence for the parent category covers every service under it, as licences often do.
        const parent = service.primary.parentCode ? draft.catalog.categoriesByCode.get(service.primary.parentCode) : undefined;
        covered.add(parent && r.chance(0.3) ? parent : service.primary);
      }
      const [validFrom, validUntil] = drawValidity(draft);
      const year = new Date(validFrom).getUTCFullYear();
      const sequence = this.next(this.licenceSequence, String(year));
      const municipal = r.chance(0.2);
      const verified = organizationVerifiedAt !== null && r.chance(0.8);
      const created = createdAt + r.int(0, 5 * 24 * 60) * MINUTE;
      const verifiedAt = verified ? Math.max(created, organizationVerifiedAt!) : null;
      const id = r.uuid();
      rows.licence.push({
        id,
        created_at: isoTime(created),
        updated_at: isoTime(Math.max(created, verifiedAt ?? created)),
        organization_id: draft.organizationId,
        issuing_authority: municipal ? `${MUNICIPAL_DIRECTORATE_SQ} ${home.names.sq}` : MINISTRY_OF_JUSTICE_SQ,
        number: `LIC-${year}-${String(sequence).padStart(5, '0')}`,
        valid_from: isoDate(validFrom),
        valid_until: validUntil === null ? null : isoDate(validUntil),
        document_reference: r.chance(0.6) ? `Vendimi nr. ${r.int(1, 999)}/${year}` : null,
        verification_status: verified ? VerificationStatus.VERIFIED : VerificationStatus.UNVERIFIED,
        verified_at: verifiedAt === null ? null : isoTime(verifiedAt),
        is_demo: true,
      });
      for (const c of covered) rows.licence_category.push({ licence_id: id, category_id: c.id });
    }
  }

  addContracts(draft: OrganizationDraft, services: BuiltService[], createdAt: number): void {
    const { random: r, rows, catalog, home } = draft;
    const count = CONTRACT_COUNT.draw(r);
    for (let k = 0; k < count; k++) {
      const local = catalog.authoritiesByMunicipality.get(home.code);
      const authority = local && (r.chance(0.5) || !catalog.ministries) ? local : catalog.ministries?.draw(r);
      if (!authority) return;
      const categories = [...new Set(r.sample(services, r.int(1, 2)).map((s) => s.primary))];
      const modality = MODALITY.draw(r);
      const [minAmount, maxAmount] = AMOUNT_RANGE[modality];
      const amount = Math.round(Math.exp(r.between(Math.log(minAmount), Math.log(maxAmount))) / 50) * 50;
      const start = REFERENCE + r.int(-1460, 120) * DAY;
      const end = addMonths(start, CONTRACT_MONTHS.draw(r)) - DAY;
      // Awarded before it starts, and never after the reference date: a planned contract is awarded already.
      const award = Math.min(start - r.int(7, 75) * DAY, REFERENCE);
      const status = r.chance(0.03) ? ContractStatus.CANCELLED : start > REFERENCE ? ContractStatus.PLANNED : end < REFERENCE ? ContractStatus.COMPLETED : ContractStatus.ACTIVE;
      const prefix = AUTHORITY_PREFIX[authority.code] ?? `KK-${(authority.municipalityCode ?? authority.code).toUpperCase()}`;
      const sequenceKey = `${prefix}-${new Date(award).getUTCFullYear()}`;
      const reference = `${sequenceKey}-${String(this.next(this.contractSequence, sequenceKey)).padStart(4, '0')}`;
      const created = createdAt + r.int(0, 10 * 24 * 60) * MINUTE;
      const id = r.uuid();
      rows.contract.push({
        id,
        created_at: isoTime(created),
        updated_at: isoTime(created),
        authority_id: authority.id,
        provider_id: draft.organizationId,
        title: `${TITLE_PREFIX_SQ[modality]} ${lowerFirst(categories[0].names.sq)}`,
        modality,
        amount: amount.toFixed(2),
        currency: 'EUR',
        start_date: isoDate(start),
        end_date: isoDate(end),
        award_date: isoDate(award),
        reference,
        url: r.chance(0.4) ? `https://prokurimi.example.org/kontratat/${reference}` : null,
        status,
        is_demo: true,
      });
      for (const c of categories) rows.contract_category.push({ contract_id: id, category_id: c.id });
    }
  }
}

/** Most licences valid on the reference date, some expired, some open-ended, a few not yet valid. */
function drawValidity(draft: OrganizationDraft): [number, number | null] {
  const r = draft.random;
  switch (LICENCE_KIND.draw(r)) {
    case 'valid': {
      const validUntil = REFERENCE + r.int(20, 1000) * DAY;
      return [validUntil - 3 * 365 * DAY, validUntil];
    }
    case 'expired': {
      const validUntil = REFERENCE - r.int(1, 900) * DAY;
      return [validUntil - 3 * 365 * DAY, validUntil];
    }
    case 'open-ended':
      return [REFERENCE - r.int(30, 3000) * DAY, null];
    case 'not-yet-valid': {
      const validFrom = REFERENCE + r.int(1, 150) * DAY;
      return [validFrom, r.chance(0.7) ? validFrom + 3 * 365 * DAY : null];
    }
  }
}
