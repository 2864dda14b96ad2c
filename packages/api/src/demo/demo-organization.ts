import { BudgetBand, LegalForm, OrganizationStatus, VerificationStatus } from '../organizations/organization.enums';
import type { DemoCatalog } from './demo-catalog';
import { type DemoRandom, Weighted } from './demo-random';
import { type BuiltService, DEMO_EPOCH, isoDate, isoTime, listOf, lowerFirst, MINUTE, type RefMunicipality, type Row, slug, toPercentages } from './demo-rows';
import { ACRONYM_STOPWORDS, BRANDS_BS, BRANDS_NEUTRAL, BRANDS_SQ, BRANDS_SR, BRANDS_TR, COMMUNITY_SHARES, type Community, type NameTemplate } from './demo-vocabulary';

const ORG_STATUS = new Weighted([OrganizationStatus.ACTIVE, OrganizationStatus.INACTIVE, OrganizationStatus.CLOSED], [90, 7, 3]);
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

/** Who the organization is: where, which community, its names. */
export interface OrganizationIdentity {
  home: RefMunicipality;
  community: Community;
  brand: string;
  template: NameTemplate;
  nameSq: string;
  nameSr: string | null;
  nameEn: string | null;
  acronym: string | null;
}

export function drawCommunity(r: DemoRandom, home: RefMunicipality): Community {
  const shares = COMMUNITY_SHARES[home.code];
  const x = r.float();
  if (!shares) return 'alb';
  let acc = 0;
  for (const community of ['srb', 'tur', 'bos'] as const) {
    acc += shares[community] ?? 0;
    if (x < acc) return community;
  }
  return 'alb';
}

function drawBrand(r: DemoRandom, community: Community): string {
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
function drawFunding(r: DemoRandom): number[] {
  const weights = [r.float() * 1.0, r.float() * 1.6, r.float() * 0.6, r.float() * 0.3];
  const largest = weights.indexOf(Math.max(...weights));
  for (let i = 0; i < 4; i++) if (i !== largest && r.chance(0.3)) weights[i] = 0;
  return toPercentages(weights);
}

/** Names in the languages of its community, from a template of the profile and a brand; the first organization is the anchor. */
export function drawIdentity(r: DemoRandom, catalog: DemoCatalog, templates: NameTemplate[], first: boolean): OrganizationIdentity {
  let home = catalog.homes.draw(r);
  let community = drawCommunity(r, home);
  let withMunicipality = r.chance(community === 'srb' ? 0.6 : 0.3);
  if (first && catalog.anchor) {
    home = catalog.anchor;
    community = 'srb';
    withMunicipality = true;
  }
  const brand = drawBrand(r, community);
  const template = r.pick(templates);
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
  return { home, community, brand, template, nameSq, nameSr, nameEn, acronym };
}

/** Founding, registration, size, budget and funding. */
function drawProfileFacts(r: DemoRandom, index: number, registrationOffset: number): Row {
  const [fromYear, toYear] = FOUNDED.draw(r);
  const yearFounded = r.int(fromYear, toYear);
  // NGO registration in Kosovo's current register starts in 2000, so older associations registered late.
  const registrationYear = Math.min(2025, Math.max(yearFounded, 2000) + (r.chance(0.3) ? 1 : 0));
  const registrationDate = isoDate(Date.UTC(registrationYear, r.int(0, 11), r.int(1, 28)));
  // An affine map with a multiplier coprime to 10^7 is a permutation: numbers stay unique for 10 million organizations.
  const registrationNumber = `5${String((registrationOffset + index * 3_141_593) % 10_000_000).padStart(7, '0')}-demo`;
  const size = SIZE.draw(r);
  const staffRange = STAFF_BY_SIZE[size];
  const volunteerRange = VOLUNTEERS_BY_SIZE[size];
  const staffCount = r.chance(0.95) ? r.int(staffRange[0], staffRange[1]) : null;
  const volunteerCount = r.chance(0.9) ? r.int(volunteerRange[0], volunteerRange[1]) : null;
  const budgetBand = r.chance(0.9) ? BUDGET_BY_SIZE[size].draw(r) : null;
  const publicBenefit = r.chance(size === 'small' ? 0.15 : 0.4);
  const funding = r.chance(0.85) ? drawFunding(r) : null;
  return {
    registration_number: registrationNumber,
    registration_date: registrationDate,
    public_benefit: publicBenefit,
    year_founded: yearFounded,
    staff_count: staffCount,
    volunteer_count: volunteerCount,
    budget_band: budgetBand,
    funding_public_pct: funding?.[0] ?? null,
    funding_foreign_pct: funding?.[1] ?? null,
    funding_own_pct: funding?.[2] ?? null,
    funding_other_pct: funding?.[3] ?? null,
  };
}

/** Status and the record's instants: created in 2026, verified between creation and the last edit. */
export interface OrganizationTimes {
  status: OrganizationStatus;
  createdAt: number;
  updatedAt: number;
  verifiedAt: number | null;
}

function drawTimes(r: DemoRandom): OrganizationTimes & { lastConfirmedAt: number | null } {
  const status = ORG_STATUS.draw(r);
  const createdAt = DEMO_EPOCH + r.int(0, 200 * 24 * 60) * MINUTE + r.int(0, 59_999);
  const updatedAt = createdAt + r.int(0, 100 * 24 * 60) * MINUTE;
  const verified = r.chance(0.6);
  const verifiedAt = verified ? createdAt + Math.floor(r.float() * (updatedAt - createdAt)) : null;
  // Confirming "still current" is an edit, so it is the last change of the record.
  const lastConfirmedAt = status === OrganizationStatus.ACTIVE && r.chance(0.45) ? updatedAt : null;
  return { status, createdAt, updatedAt, verifiedAt, lastConfirmedAt };
}

/** The organization's row (descriptions come once its services are known) and its times. */
export function drawOrganizationRow(r: DemoRandom, identity: OrganizationIdentity, index: number, registrationOffset: number): { row: Row; times: OrganizationTimes } {
  const { acronym, brand, home } = identity;
  const facts = drawProfileFacts(r, index, registrationOffset);
  const times = drawTimes(r);
  const host = `${acronym ? `${slug(acronym)}-` : ''}${slug(brand)}-${home.code}.example.org`;
  const website = r.chance(0.7) ? `https://${host}` : null;
  const email = r.chance(0.85) ? `${r.pick(['info', 'kontakt', 'zyra'])}@${host}` : null;
  // A 0 right after the country code cannot be dialled, so no real subscriber is ever listed.
  const phone = r.chance(0.8) ? `+383 0${r.int(10, 99)} ${r.int(100, 999)} ${r.int(100, 999)}` : null;
  const row: Row = {
    id: r.uuid(),
    created_at: isoTime(times.createdAt),
    updated_at: isoTime(times.updatedAt),
    name_sq: identity.nameSq,
    name_sr: identity.nameSr,
    name_en: identity.nameEn,
    acronym,
    description_sq: null,
    description_sr: null,
    description_en: null,
    legal_form: identity.template.legalForm ?? (r.chance(0.06) ? LegalForm.OTHER : LegalForm.ASSOCIATION),
    registration_number: facts.registration_number,
    registration_date: facts.registration_date,
    public_benefit: facts.public_benefit,
    website,
    email,
    phone,
    year_founded: facts.year_founded,
    staff_count: facts.staff_count,
    volunteer_count: facts.volunteer_count,
    budget_band: facts.budget_band,
    funding_public_pct: facts.funding_public_pct,
    funding_foreign_pct: facts.funding_foreign_pct,
    funding_own_pct: facts.funding_own_pct,
    funding_other_pct: facts.funding_other_pct,
    status: times.status,
    verification_status: times.verifiedAt !== null ? VerificationStatus.VERIFIED : VerificationStatus.UNVERIFIED,
    verified_at: times.verifiedAt === null ? null : isoTime(times.verifiedAt),
    last_confirmed_at: times.lastConfirmedAt === null ? null : isoTime(times.lastConfirmedAt),
    is_demo: true,
  };
  return { row, times };
}

/** Descriptions that name what the organization offers, in Albanian and (with an English name) English; Serbian for Serbian communities. */
export function describeOrganization(r: DemoRandom, catalog: DemoCatalog, identity: OrganizationIdentity, row: Row, services: BuiltService[]): void {
  const { nameSq, nameSr, nameEn, home } = identity;
  const served: string[] = [];
  for (const s of services) if (!served.includes(s.primary.code)) served.push(s.primary.code);
  const names = (lang: 'sq' | 'en') => served.slice(0, 3).map((c) => lowerFirst(catalog.categoriesByCode.get(c)!.names[lang] ?? catalog.categoriesByCode.get(c)!.names.sq));
  row.description_sq = r.chance(0.9)
    ? `${nameSq} është organizatë e shoqërisë civile me seli në ${home.names.sq}, që ofron ${listOf(names('sq'), 'dhe')}. Profil fiktiv, i krijuar për demonstrim.`
    : null;
  if (nameEn && r.chance(0.6)) {
    row.description_en = `${nameEn} is a civil-society organisation based in ${home.names.en ?? home.names.sq} providing ${listOf(
      names('en'),
      'and',
    )}. Fictional profile generated for demonstration.`;
  }
  if (nameSr && identity.community === 'srb') {
    row.description_sr = `${nameSr} je organizacija civilnog društva sa sedištem u opštini ${home.names.sr ?? home.names.sq}. Izmišljen profil, napravljen za demonstraciju.`;
  }
}
