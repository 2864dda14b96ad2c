import { AuthorityKind } from '../authorities/authority.enums';
import { ContractModality, ContractStatus } from '../contracts/contract.enums';
import { BudgetBand, LegalForm, OrganizationStatus, VerificationStatus } from '../organizations/organization.enums';
import { ServiceFee, ServiceStatus } from '../services/service.enums';
import { DemoRandom, Weighted } from './demo-random';
import {
  ACCESSIBILITY_SQ,
  ACRONYM_STOPWORDS,
  AUTHORITY_PREFIX,
  BRANDS_BS,
  BRANDS_NEUTRAL,
  BRANDS_SQ,
  BRANDS_SR,
  BRANDS_TR,
  CAPACITY_BY_PARENT,
  CATEGORY_TARGET_GROUPS,
  COMMUNITY_SHARES,
  type Community,
  ELIGIBILITY_BY_CATEGORY,
  ELIGIBILITY_SQ,
  MINISTRY_OF_JUSTICE_SQ,
  MINISTRY_WEIGHTS,
  MUNICIPAL_DIRECTORATE_SQ,
  OPENING_HOURS,
  PROFILES,
  type Profile,
  SITE_KINDS_SQ,
  STREETS_SQ,
  STREETS_SR,
} from './demo-vocabulary';

/**
 * Fixed instants instead of "now": the data set must not depend on the day it is generated.
 * Records are created during 2026 and last touched before the reference date, against which licence
 * validity and contract status are arranged (some licences expired, most valid, a few not yet).
 */
export const DEMO_EPOCH = Date.UTC(2026, 0, 1);
export const DEMO_REFERENCE_DATE = '2026-11-01';
const REFERENCE = Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00Z`);
const MINUTE = 60_000;
const DAY = 86_400_000;

export interface LocalizedNames {
  sq: string;
  sr: string | null;
  en: string | null;
}

export interface RefMunicipality {
  id: string;
  code: string;
  names: LocalizedNames;
  regionCode: string;
  population: number;
  seatLat: number;
  seatLng: number;
}

export interface RefCategory {
  id: string;
  code: string;
  names: LocalizedNames;
  parentCode: string | null;
}

export interface RefTargetGroup {
  id: string;
  code: string;
  names: LocalizedNames;
}

export interface RefAuthority {
  id: string;
  code: string;
  kind: string;
  municipalityCode: string | null;
}

/** The reference data the generator draws from. Lists must be sorted by code, never by id: ids differ between databases. */
export interface DemoReference {
  municipalities: RefMunicipality[];
  categories: RefCategory[];
  targetGroups: RefTargetGroup[];
  authorities: RefAuthority[];
}

export type Cell = string | number | boolean | null | string[];
export type Row = Record<string, Cell>;

/** Rows by table, in an order that satisfies the foreign keys when inserted top to bottom. */
export interface DemoRows {
  organization: Row[];
  location: Row[];
  service: Row[];
  service_at_location: Row[];
  service_category_link: Row[];
  service_target_group: Row[];
  service_area: Row[];
  licence: Row[];
  licence_category: Row[];
  contract: Row[];
  contract_category: Row[];
}

export function emptyRows(): DemoRows {
  return {
    organization: [],
    location: [],
    service: [],
    service_at_location: [],
    service_category_link: [],
    service_target_group: [],
    service_area: [],
    licence: [],
    licence_category: [],
    contract: [],
    contract_category: [],
  };
}

const KOSOVO = { minLat: 41.85, maxLat: 43.27, minLng: 20.01, maxLng: 21.8 };
/** No site is farther than this from its municipality's seat. */
export const MAX_SITE_DISTANCE_KM = 8;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isoTime = (ms: number) => new Date(ms).toISOString();
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

function addMonths(ms: number, months: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

/** Host-name-safe ASCII: letters without diacritics, hyphens between words. */
function slug(text: string): string {
  return text
    .replace(/[đĐ]/g, 'dj')
    .replace(/ı/g, 'i')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function listOf(items: string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** Integer percentages that sum to exactly 100 (largest remainder), from non-negative weights. */
export function toPercentages(weights: number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / total) * 100);
  const floors = exact.map(Math.floor);
  let missing = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (missing <= 0) break;
    floors[i]++;
    missing--;
  }
  return floors;
}

const ORG_STATUS = new Weighted([OrganizationStatus.ACTIVE, OrganizationStatus.INACTIVE, OrganizationStatus.CLOSED], [90, 7, 3]);
const SITE_COUNT = new Weighted([1, 2, 3], [40, 30, 30]);
const SERVICE_COUNT = new Weighted([1, 2, 3, 4, 5], [15, 25, 25, 20, 15]);
const TARGET_GROUP_COUNT = new Weighted([1, 2, 3], [35, 45, 20]);
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
/** Founding era: a few pre-1999 associations, most founded after the war. */
const FOUNDED = new Weighted(
  [
    [1990, 1998],
    [1999, 2009],
    [2010, 2019],
    [2020, 2025],
  ] as const,
  [8, 37, 40, 15],
);
const SIZE = new Weighted(['small', 'medium', 'large'] as const, [50, 35, 15]);
const BUDGET_BY_SIZE = {
  small: new Weighted([BudgetBand.UNDER_10K, BudgetBand.FROM_10K_TO_50K], [60, 40]),
  medium: new Weighted([BudgetBand.FROM_10K_TO_50K, BudgetBand.FROM_50K_TO_100K, BudgetBand.FROM_100K_TO_500K], [45, 35, 20]),
  large: new Weighted([BudgetBand.FROM_50K_TO_100K, BudgetBand.FROM_100K_TO_500K, BudgetBand.OVER_500K], [15, 60, 25]),
};
const STAFF_BY_SIZE = { small: [0, 5], medium: [3, 20], large: [15, 80] } as const;
const VOLUNTEERS_BY_SIZE = { small: [0, 20], medium: [5, 60], large: [10, 200] } as const;
const SITE_KINDS_SR = ['Sedište', 'Kancelarija', 'Dnevni centar', 'Punkt za usluge', 'Terenska kancelarija', 'Centar zajednice'];

interface Site {
  row: Row;
  municipality: RefMunicipality;
  residential: boolean;
  served: boolean;
}

interface BuiltService {
  id: string;
  primary: RefCategory;
  area: Set<RefMunicipality>;
}

/**
 * Produces the demo registry as plain rows, organization after organization, from one seeded
 * stream: the n-th organization (with everything under it) depends only on the seed and the
 * organizations before it, so batch size and database do not change the data.
 */
export class DemoModel {
  private readonly random: DemoRandom;
  private index = 0;
  private readonly registrationOffset: number;
  private readonly licenceSequence = new Map<string, number>();
  private readonly contractSequence = new Map<string, number>();

  private readonly municipalities: RefMunicipality[];
  private readonly homes: Weighted<RefMunicipality>;
  /** Other municipalities of the same region, weighted by population; null where the region has one. */
  private readonly neighbours = new Map<string, Weighted<RefMunicipality> | null>();
  private readonly maxPopulation: number;
  private readonly categoriesByCode = new Map<string, RefCategory>();
  private readonly leaves: RefCategory[];
  private readonly profiles: Weighted<Profile>;
  private readonly profileCategories = new Map<string, Weighted<RefCategory>>();
  private readonly targetGroupsByCode = new Map<string, RefTargetGroup>();
  private readonly authoritiesByMunicipality = new Map<string, RefAuthority>();
  private readonly ministries: Weighted<RefAuthority> | null;
  private readonly anchor: RefMunicipality | undefined;

  constructor(reference: DemoReference, seed: number) {
    this.random = new DemoRandom(seed);
    this.registrationOffset = this.random.int(0, 9_999_999);
    const byCode = <T extends { code: string }>(items: T[]) => [...items].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

    this.municipalities = byCode(reference.municipalities);
    if (this.municipalities.length === 0) throw new Error('demo data: no municipalities; seed the reference data first');
    this.homes = new Weighted(this.municipalities, this.municipalities.map((m) => m.population));
    this.maxPopulation = Math.max(...this.municipalities.map((m) => m.population));
    for (const m of this.municipalities) {
      const others = this.municipalities.filter((o) => o.regionCode === m.regionCode && o !== m);
      this.neighbours.set(m.code, others.length ? new Weighted(others, others.map((o) => o.population)) : null);
    }

    const categories = byCode(reference.categories);
    for (const c of categories) this.categoriesByCode.set(c.code, c);
    const parents = new Set(categories.map((c) => c.parentCode).filter(Boolean));
    this.leaves = categories.filter((c) => !parents.has(c.code));
    if (this.leaves.length === 0) throw new Error('demo data: no service categories; seed the reference data first');

    // The taxonomy comes from the database and may have moved on from the vocabulary: keep the
    // profile categories that still exist, and let a profile left with none draw from every leaf.
    const leafCodes = new Set(this.leaves.map((c) => c.code));
    for (const profile of PROFILES) {
      const known = profile.categories.filter(([code]) => leafCodes.has(code));
      this.profileCategories.set(
        profile.key,
        known.length
          ? new Weighted(known.map(([code]) => this.categoriesByCode.get(code)!), known.map(([, w]) => w))
          : new Weighted(this.leaves, this.leaves.map(() => 1)),
      );
    }
    this.profiles = new Weighted(PROFILES, PROFILES.map((p) => p.weight));

    for (const g of byCode(reference.targetGroups)) this.targetGroupsByCode.set(g.code, g);
    const authorities = byCode(reference.authorities);
    for (const a of authorities) if (a.kind === AuthorityKind.MUNICIPALITY && a.municipalityCode) this.authoritiesByMunicipality.set(a.municipalityCode, a);
    const ministries = authorities.filter((a) => a.kind === AuthorityKind.MINISTRY);
    this.ministries = ministries.length ? new Weighted(ministries, ministries.map((a) => MINISTRY_WEIGHTS[a.code] ?? 5)) : null;

    // The first organization lives in Gračanica and carries the municipality in its names, so that
    // every demo set shows diacritic-insensitive search ("gracanica" finds "Gračanica").
    this.anchor = this.municipalities.find((m) => m.code === 'gracanice');
  }

  /** The next `count` organizations with their sites, services, licences and contracts. */
  nextBatch(count: number): DemoRows {
    const rows = emptyRows();
    for (let i = 0; i < count; i++) this.addOrganization(rows);
    return rows;
  }

  private addOrganization(rows: DemoRows): void {
    const r = this.random;
    const index = this.index++;
    const profile = this.profiles.draw(r);
    let home = this.homes.draw(r);
    let community = this.drawCommunity(home);
    let withMunicipality = r.chance(community === 'srb' ? 0.6 : 0.3);
    if (index === 0 && this.anchor) {
      home = this.anchor;
      community = 'srb';
      withMunicipality = true;
    }

    const brand = this.drawBrand(community);
    const template = r.pick(profile.templates);
    const place = (lang: 'sq' | 'sr' | 'en') => (withMunicipality ? ` – ${home.names[lang] ?? home.names.sq}` : '');
    const nameSq = template.sq.replace('{b}', brand) + place('sq');
    const nameSr = community === 'srb' || r.chance(0.4) ? template.sr.replace('{b}', brand) + place('sr') : null;
    const nameEn = r.chance(0.65) ? template.en.replace('{b}', brand) + place('en') : null;
    let acronym: string | null = null;
    if (r.chance(0.55)) {
      const words = template.sq.split('«')[0].trim().split(/\s+/).filter((w) => !ACRONYM_STOPWORDS.has(w));
      const initials = words.map((w) => w.charAt(0).toUpperCase()).join('');
      // A one-letter acronym ("F" for "Fondacioni «Jeta»") says nothing: take the brand's initial too.
      acronym = initials + (r.chance(0.5) || initials.length < 2 ? brand.charAt(0).toUpperCase() : '');
    }

    const [fromYear, toYear] = FOUNDED.draw(r);
    const yearFounded = r.int(fromYear, toYear);
    // NGO registration in Kosovo's current register starts in 2000, so older associations registered late.
    const registrationYear = Math.min(2025, Math.max(yearFounded, 2000) + (r.chance(0.3) ? 1 : 0));
    const registrationDate = isoDate(Date.UTC(registrationYear, r.int(0, 11), r.int(1, 28)));
    // An affine map with a multiplier coprime to 10^7 is a permutation: numbers stay unique for 10 million organizations.
    const registrationNumber = `5${String((this.registrationOffset + index * 3_141_593) % 10_000_000).padStart(7, '0')}-demo`;

    const size = SIZE.draw(r);
    const staffRange = STAFF_BY_SIZE[size];
    const volunteerRange = VOLUNTEERS_BY_SIZE[size];
    const staffCount = r.chance(0.95) ? r.int(staffRange[0], staffRange[1]) : null;
    const volunteerCount = r.chance(0.9) ? r.int(volunteerRange[0], volunteerRange[1]) : null;
    const budgetBand = r.chance(0.9) ? BUDGET_BY_SIZE[size].draw(r) : null;
    const publicBenefit = r.chance(size === 'small' ? 0.15 : 0.4);
    const funding = r.chance(0.85) ? this.drawFunding() : null;

    const status = ORG_STATUS.draw(r);
    const createdAt = DEMO_EPOCH + r.int(0, 200 * 24 * 60) * MINUTE + r.int(0, 59_999);
    const updatedAt = createdAt + r.int(0, 100 * 24 * 60) * MINUTE;
    const verified = r.chance(0.6);
    const verifiedAt = verified ? createdAt + Math.floor(r.float() * (updatedAt - createdAt)) : null;
    // Confirming "still current" is an edit, so it is the last change of the record.
    const lastConfirmedAt = status === OrganizationStatus.ACTIVE && r.chance(0.45) ? updatedAt : null;

    const host = `${acronym ? `${slug(acronym)}-` : ''}${slug(brand)}-${home.code}.example.org`;
    const website = r.chance(0.7) ? `https://${host}` : null;
    const email = r.chance(0.85) ? `${r.pick(['info', 'kontakt', 'zyra'])}@${host}` : null;
    // A 0 right after the country code cannot be dialled, so no real subscriber is ever listed.
    const phone = r.chance(0.8) ? `+383 0${r.int(10, 99)} ${r.int(100, 999)} ${r.int(100, 999)}` : null;

    const organizationId = r.uuid();
    const organization: Row = {
      id: organizationId,
      created_at: isoTime(createdAt),
      updated_at: isoTime(updatedAt),
      name_sq: nameSq,
      name_sr: nameSr,
      name_en: nameEn,
      acronym,
      description_sq: null,
      description_sr: null,
      description_en: null,
      legal_form: template.legalForm ?? (r.chance(0.06) ? LegalForm.OTHER : LegalForm.ASSOCIATION),
      registration_number: registrationNumber,
      registration_date: registrationDate,
      public_benefit: publicBenefit,
      website,
      email,
      phone,
      year_founded: yearFounded,
      staff_count: staffCount,
      volunteer_count: volunteerCount,
      budget_band: budgetBand,
      funding_public_pct: funding?.[0] ?? null,
      funding_foreign_pct: funding?.[1] ?? null,
      funding_own_pct: funding?.[2] ?? null,
      funding_other_pct: funding?.[3] ?? null,
      status,
      verification_status: verified ? VerificationStatus.VERIFIED : VerificationStatus.UNVERIFIED,
      verified_at: verifiedAt === null ? null : isoTime(verifiedAt),
      last_confirmed_at: lastConfirmedAt === null ? null : isoTime(lastConfirmedAt),
      is_demo: true,
    };
    rows.organization.push(organization);

    const childTime = () => {
      const created = createdAt + r.int(0, 3 * 24 * 60) * MINUTE;
      return { created_at: isoTime(created), updated_at: isoTime(Math.max(created, updatedAt)) };
    };

    const sites = this.addSites(rows, organizationId, home, community, childTime);
    const services = this.addServices(rows, organizationId, profile, home, community, status, sites, nameSr !== null, nameEn !== null, childTime);

    const served: string[] = [];
    for (const s of services) if (!served.includes(s.primary.code)) served.push(s.primary.code);
    organization.description_sq = r.chance(0.9)
      ? `${nameSq} është organizatë e shoqërisë civile me seli në ${home.names.sq}, që ofron ${listOf(
          served.slice(0, 3).map((c) => lowerFirst(this.categoriesByCode.get(c)!.names.sq)),
          'dhe',
        )}. Profil fiktiv, i krijuar për demonstrim.`
      : null;
    if (nameEn && r.chance(0.6)) {
      organization.description_en = `${nameEn} is a civil-society organisation based in ${home.names.en ?? home.names.sq} providing ${listOf(
        served.slice(0, 3).map((c) => lowerFirst(this.categoriesByCode.get(c)!.names.en ?? this.categoriesByCode.get(c)!.names.sq)),
        'and',
      )}. Fictional profile generated for demonstration.`;
    }
    if (nameSr && community === 'srb') {
      organization.description_sr = `${nameSr} je organizacija civilnog društva sa sedištem u opštini ${home.names.sr ?? home.names.sq}. Izmišljen profil, napravljen za demonstraciju.`;
    }

    if (services.length && r.chance(0.7)) this.addLicences(rows, organizationId, home, services, verifiedAt, createdAt);
    if (services.length && r.chance(0.3)) this.addContracts(rows, organizationId, home, services, createdAt);
  }

  private drawCommunity(home: RefMunicipality): Community {
    const shares = COMMUNITY_SHARES[home.code];
    const x = this.random.float();
    if (!shares) return 'alb';
    let acc = 0;
    for (const community of ['srb', 'tur', 'bos'] as const) {
      acc += shares[community] ?? 0;
      if (x < acc) return community;
    }
    return 'alb';
  }

  private drawBrand(community: Community): string {
    const r = this.random;
    switch (community) {
      case 'srb':
        return r.chance(0.8) ? r.pick(BRANDS_SR) : r.pick(BRANDS_NEUTRAL);
      case 'tur':
        return r.chance(0.7) ? r.pick(BRANDS_TR) : r.pick(BRANDS_NEUTRAL);
      case 'bos':
        return r.chance(0.6) ? r.pick(BRANDS_BS) : r.pick(BRANDS_NEUTRAL);
      default:
        return r.chance(0.88) ? r.pick(BRANDS_SQ) : r.pick(BRANDS_NEUTRAL);
    }
  }

  /** Public, foreign donors, own revenue, other: donors dominate, as the mapping found for Kosovo CSOs. */
  private drawFunding(): number[] {
    const r = this.random;
    const weights = [r.float() * 1.0, r.float() * 1.6, r.float() * 0.6, r.float() * 0.3];
    const largest = weights.indexOf(Math.max(...weights));
    for (let i = 0; i < 4; i++) if (i !== largest && r.chance(0.3)) weights[i] = 0;
    return toPercentages(weights);
  }

  private neighbour(home: RefMunicipality): RefMunicipality {
    return this.neighbours.get(home.code)?.draw(this.random) ?? home;
  }

  private addSites(
    rows: DemoRows,
    organizationId: string,
    home: RefMunicipality,
    community: Community,
    childTime: () => { created_at: string; updated_at: string },
  ): Site[] {
    const r = this.random;
    const count = SITE_COUNT.draw(r);
    const sites: Site[] = [];
    for (let k = 0; k < count; k++) {
      const municipality = k === 0 || r.chance(0.65) ? home : this.neighbour(home);
      // Larger towns spread wider; the radius is drawn uniformly, which crowds sites towards the seat as towns do.
      const maxKm = Math.min(MAX_SITE_DISTANCE_KM, 1.5 + 6.5 * Math.sqrt(municipality.population / this.maxPopulation)) * 0.995;
      const distance = maxKm * r.float();
      const bearing = 2 * Math.PI * r.float();
      const lat = clamp(municipality.seatLat + (distance * Math.cos(bearing)) / 110.574, KOSOVO.minLat, KOSOVO.maxLat);
      const lng = clamp(
        municipality.seatLng + (distance * Math.sin(bearing)) / (111.32 * Math.cos((municipality.seatLat * Math.PI) / 180)),
        KOSOVO.minLng,
        KOSOVO.maxLng,
      );
      const serbian = community === 'srb';
      const kind = k === 0 ? (serbian ? SITE_KINDS_SR[0] : SITE_KINDS_SQ[0]) : serbian ? r.pick(SITE_KINDS_SR.slice(1)) : r.pick(SITE_KINDS_SQ.slice(1));
      const townName = serbian ? (municipality.names.sr ?? municipality.names.sq) : municipality.names.sq;
      const street = serbian ? r.pick(STREETS_SR) : r.pick(STREETS_SQ);
      const row: Row = {
        id: r.uuid(),
        ...childTime(),
        organization_id: organizationId,
        name: `${kind} – ${townName}`,
        address: r.chance(0.9) ? `${street} ${r.int(1, 180)}, ${townName}` : null,
        municipality_id: municipality.id,
        lat: round6(lat),
        lng: round6(lng),
        accessibility: r.chance(0.4) ? r.pick(ACCESSIBILITY_SQ) : null,
        opening_hours: null,
        is_demo: true,
      };
      rows.location.push(row);
      sites.push({ row, municipality, residential: false, served: false });
    }
    return sites;
  }

  private addServices(
    rows: DemoRows,
    organizationId: string,
    profile: Profile,
    home: RefMunicipality,
    community: Community,
    organizationStatus: OrganizationStatus,
    sites: Site[],
    withSr: boolean,
    withEn: boolean,
    childTime: () => { created_at: string; updated_at: string },
  ): BuiltService[] {
    const r = this.random;
    const count = SERVICE_COUNT.draw(r);
    const profileCategories = this.profileCategories.get(profile.key)!;
    const used = new Set<string>();
    const services: BuiltService[] = [];
    const links: { service: BuiltService; site: Site }[] = [];

    for (let s = 0; s < count; s++) {
      const primary = this.drawDistinctCategory(profileCategories, used);
      used.add(primary.code);
      const categories = [primary];
      if (r.chance(0.3)) {
        const second = profileCategories.draw(r);
        if (second !== primary) categories.push(second);
      }

      const candidates: RefTargetGroup[] = [];
      for (const c of categories) {
        for (const code of CATEGORY_TARGET_GROUPS[c.code] ?? []) {
          const group = this.targetGroupsByCode.get(code);
          if (group && !candidates.includes(group)) candidates.push(group);
        }
      }
      const groupPool = candidates.length ? candidates : [...this.targetGroupsByCode.values()];
      // The category's most typical group comes first more often than chance would put it there.
      const groups = r.chance(0.6) ? [groupPool[0], ...r.sample(groupPool.slice(1), TARGET_GROUP_COUNT.draw(r) - 1)] : r.sample(groupPool, TARGET_GROUP_COUNT.draw(r));

      const parent = primary.parentCode ?? primary.code;
      const residential = parent === 'residential';
      const at = [r.int(0, sites.length - 1)];
      for (let k = 0; k < sites.length; k++) if (!at.includes(k) && r.chance(0.3)) at.push(k);

      const area = new Set<RefMunicipality>([home]);
      for (const k of at) area.add(sites[k].municipality);
      if (primary.code === 'counselling.helpline' && r.chance(0.5)) for (const m of this.municipalities) area.add(m);
      else if (r.chance(0.3)) for (let n = r.int(1, 3); n > 0; n--) area.add(this.neighbour(home));

      const languages = this.drawLanguages(home, community, groups);
      const [minCapacity, maxCapacity] = CAPACITY_BY_PARENT[parent] ?? [10, 500];
      const capacity = r.chance(0.9) ? Math.round(Math.exp(r.between(Math.log(minCapacity), Math.log(maxCapacity)))) : null;
      const places = residential ? r.int(6, 40) : null;
      const fee = r.chance(0.92) ? this.drawFee(primary) : null;
      const eligibility = r.chance(0.45) ? (ELIGIBILITY_BY_CATEGORY[primary.code] ?? r.pick(ELIGIBILITY_SQ)) : null;
      const groupNamesSq = groups.map((g) => lowerFirst(g.names.sq));
      const descriptionSq = r.chance(0.6) ? `${primary.names.sq} për ${listOf(groupNamesSq, 'dhe')}.` : null;
      const status =
        organizationStatus === OrganizationStatus.CLOSED
          ? ServiceStatus.INACTIVE
          : r.chance(organizationStatus === OrganizationStatus.ACTIVE ? 0.95 : 0.4)
            ? ServiceStatus.ACTIVE
            : ServiceStatus.INACTIVE;

      const id = r.uuid();
      rows.service.push({
        id,
        ...childTime(),
        organization_id: organizationId,
        name_sq: primary.names.sq,
        name_sr: withSr ? primary.names.sr : null,
        name_en: withEn ? primary.names.en : null,
        description_sq: descriptionSq,
        description_sr: null,
        description_en: null,
        languages,
        eligibility,
        fee,
        capacity_per_year: capacity,
        residential_places: places,
        status,
        is_demo: true,
      });
      for (const c of categories) rows.service_category_link.push({ service_id: id, category_id: c.id });
      for (const g of groups) rows.service_target_group.push({ service_id: id, target_group_id: g.id });
      const service: BuiltService = { id, primary, area };
      services.push(service);
      for (const k of at) {
        links.push({ service, site: sites[k] });
        sites[k].served = true;
        if (residential || primary.code === 'counselling.helpline') sites[k].residential = true;
      }
    }

    // A site where nothing is delivered would show on the map with no service: give it one, and
    // since a service serves where it is delivered, its area grows by the site's municipality.
    for (const site of sites) {
      if (!site.served) {
        const service = r.pick(services);
        links.push({ service, site });
        service.area.add(site.municipality);
        site.served = true;
      }
    }
    for (const link of links) {
      rows.service_at_location.push({ id: r.uuid(), ...childTime(), service_id: link.service.id, location_id: link.site.row.id as string });
    }
    for (const service of services) {
      for (const m of service.area) rows.service_area.push({ service_id: service.id, municipality_id: m.id });
    }
    for (const site of sites) {
      site.row.opening_hours = site.residential ? '24/7' : r.chance(0.85) ? r.pick(OPENING_HOURS) : null;
    }
    return services;
  }

  private drawDistinctCategory(profileCategories: Weighted<RefCategory>, used: Set<string>): RefCategory {
    const r = this.random;
    // Mostly the profile's own categories; now and then something outside it, as real CSOs diversify.
    if (!r.chance(0.1)) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const c = profileCategories.draw(r);
        if (!used.has(c.code)) return c;
      }
    }
    const free = this.leaves.filter((c) => !used.has(c.code));
    return r.pick(free.length ? free : this.leaves);
  }

  private drawLanguages(home: RefMunicipality, community: Community, groups: RefTargetGroup[]): string[] {
    const r = this.random;
    const set = new Set<string>();
    if (community !== 'srb' || r.chance(0.5)) set.add('sq');
    if (community === 'srb' || r.chance(0.2)) set.add('sr');
    if (r.chance(0.25)) set.add('en');
    if (community === 'tur' || r.chance(home.code === 'prizren' || home.code === 'mamushe' ? 0.3 : 0.02)) set.add('tr');
    if (community === 'bos' || r.chance(home.code === 'dragash' || home.code === 'prizren' || home.code === 'peje' ? 0.15 : 0.02)) set.add('bs');
    if (r.chance(groups.some((g) => g.code === 'roma-ashkali-egyptian') ? 0.5 : 0.02)) set.add('rom');
    return ['sq', 'sr', 'en', 'tr', 'bs', 'rom'].filter((l) => set.has(l));
  }

  private drawFee(primary: RefCategory): ServiceFee {
    const x = this.random.float();
    if (primary.code === 'residential.elderly' || primary.code === 'community.home-care') {
      return x < 0.35 ? ServiceFee.FREE : x < 0.65 ? ServiceFee.SLIDING_SCALE : ServiceFee.FEE;
    }
    return x < 0.78 ? ServiceFee.FREE : x < 0.92 ? ServiceFee.SLIDING_SCALE : ServiceFee.FEE;
  }

  private addLicences(
    rows: DemoRows,
    organizationId: string,
    home: RefMunicipality,
    services: BuiltService[],
    organizationVerifiedAt: number | null,
    createdAt: number,
  ): void {
    const r = this.random;
    const count = r.chance(0.75) ? 1 : 2;
    for (let l = 0; l < count; l++) {
      const covered = new Set<RefCategory>();
      for (const service of r.sample(services, r.int(1, 2))) {
        // A licence for the parent category covers every service under it, as licences often do.
        const parent = service.primary.parentCode ? this.categoriesByCode.get(service.primary.parentCode) : undefined;
        covered.add(parent && r.chance(0.3) ? parent : service.primary);
      }

      let validFrom: number;
      let validUntil: number | null;
      switch (LICENCE_KIND.draw(r)) {
        case 'valid':
          validUntil = REFERENCE + r.int(20, 1000) * DAY;
          validFrom = validUntil - 3 * 365 * DAY;
          break;
        case 'expired':
          validUntil = REFERENCE - r.int(1, 900) * DAY;
          validFrom = validUntil - 3 * 365 * DAY;
          break;
        case 'open-ended':
          validFrom = REFERENCE - r.int(30, 3000) * DAY;
          validUntil = null;
          break;
        case 'not-yet-valid':
          validFrom = REFERENCE + r.int(1, 150) * DAY;
          validUntil = r.chance(0.7) ? validFrom + 3 * 365 * DAY : null;
          break;
      }
      const year = new Date(validFrom).getUTCFullYear();
      const sequence = (this.licenceSequence.get(String(year)) ?? 0) + 1;
      this.licenceSequence.set(String(year), sequence);
      const municipal = r.chance(0.2);
      const verified = organizationVerifiedAt !== null && r.chance(0.8);
      const created = createdAt + r.int(0, 5 * 24 * 60) * MINUTE;
      const verifiedAt = verified ? Math.max(created, organizationVerifiedAt!) : null;
      const id = r.uuid();
      rows.licence.push({
        id,
        created_at: isoTime(created),
        updated_at: isoTime(Math.max(created, verifiedAt ?? created)),
        organization_id: organizationId,
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

  private addContracts(rows: DemoRows, organizationId: string, home: RefMunicipality, services: BuiltService[], createdAt: number): void {
    const r = this.random;
    const count = CONTRACT_COUNT.draw(r);
    for (let k = 0; k < count; k++) {
      const local = this.authoritiesByMunicipality.get(home.code);
      const authority = local && (r.chance(0.5) || !this.ministries) ? local : this.ministries?.draw(r);
      if (!authority) return;
      const categories = [...new Set(r.sample(services, r.int(1, 2)).map((s) => s.primary))];
      const modality = MODALITY.draw(r);
      const [minAmount, maxAmount] = AMOUNT_RANGE[modality];
      const amount = Math.round(Math.exp(r.between(Math.log(minAmount), Math.log(maxAmount))) / 50) * 50;
      const start = REFERENCE + r.int(-1460, 120) * DAY;
      const end = addMonths(start, CONTRACT_MONTHS.draw(r)) - DAY;
      const award = start - r.int(7, 75) * DAY;
      const status = r.chance(0.03) ? ContractStatus.CANCELLED : start > REFERENCE ? ContractStatus.PLANNED : end < REFERENCE ? ContractStatus.COMPLETED : ContractStatus.ACTIVE;
      const awardYear = new Date(award).getUTCFullYear();
      const prefix = AUTHORITY_PREFIX[authority.code] ?? `KK-${(authority.municipalityCode ?? authority.code).toUpperCase()}`;
      const sequenceKey = `${prefix}-${awardYear}`;
      const sequence = (this.contractSequence.get(sequenceKey) ?? 0) + 1;
      this.contractSequence.set(sequenceKey, sequence);
      const reference = `${sequenceKey}-${String(sequence).padStart(4, '0')}`;
      const created = createdAt + r.int(0, 10 * 24 * 60) * MINUTE;
      const id = r.uuid();
      rows.contract.push({
        id,
        created_at: isoTime(created),
        updated_at: isoTime(created),
        authority_id: authority.id,
        provider_id: organizationId,
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
