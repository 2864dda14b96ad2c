import { OrganizationStatus } from '../organizations/organization.enums';
import { ServiceFee, ServiceStatus } from '../services/service.enums';
import { Weighted } from './demo-random';
import { type BuiltService, listOf, lowerFirst, type RefCategory, type RefMunicipality, type RefTargetGroup, type Row, type Site } from './demo-rows';
import type { OrganizationDraft } from './demo-sites';
import { CAPACITY_BY_PARENT, CATEGORY_TARGET_GROUPS, ELIGIBILITY_BY_CATEGORY, ELIGIBILITY_SQ, OPENING_HOURS, type Profile } from './demo-vocabulary';

const SERVICE_COUNT = new Weighted([1, 2, 3, 4, 5], [15, 25, 25, 20, 15]);
const TARGET_GROUP_COUNT = new Weighted([1, 2, 3], [35, 45, 20]);

/** What a service's row depends on besides the draft: the organization's status and which names it has. */
export interface ServiceOptions {
  profile: Profile;
  organizationStatus: OrganizationStatus;
  withSr: boolean;
  withEn: boolean;
}

type SiteLink = { service: BuiltService; site: Site };

/** One to five services delivered at the organization's sites, with their categories, groups and areas. */
export function addServices(draft: OrganizationDraft, options: ServiceOptions, sites: Site[]): BuiltService[] {
  const r = draft.random;
  const count = SERVICE_COUNT.draw(r);
  const profileCategories = draft.catalog.profileCategories.get(options.profile.key)!;
  const used = new Set<string>();
  const services: BuiltService[] = [];
  const links: SiteLink[] = [];
  for (let s = 0; s < count; s++) {
    const primary = drawDistinctCategory(draft, profileCategories, used);
    used.add(primary.code);
    const categories = [primary];
    if (r.chance(0.3)) {
      const second = profileCategories.draw(r);
      if (second !== primary) categories.push(second);
    }
    services.push(addService(draft, options, sites, categories, links));
  }
  linkSites(draft, sites, services, links);
  return services;
}

function addService(draft: OrganizationDraft, options: ServiceOptions, sites: Site[], categories: RefCategory[], links: SiteLink[]): BuiltService {
  const { random: r, rows } = draft;
  const primary = categories[0];
  const groups = drawTargetGroups(draft, categories);
  const parent = primary.parentCode ?? primary.code;
  const residential = parent === 'residential';
  const at = [r.int(0, sites.length - 1)];
  for (let k = 0; k < sites.length; k++) if (!at.includes(k) && r.chance(0.3)) at.push(k);

  const area = new Set<RefMunicipality>([draft.home]);
  for (const k of at) area.add(sites[k].municipality);
  if (primary.code === 'counselling.helpline' && r.chance(0.5)) for (const m of draft.catalog.municipalities) area.add(m);
  else if (r.chance(0.3)) for (let n = r.int(1, 3); n > 0; n--) area.add(draft.catalog.neighbour(draft.home, r));

  const row = serviceRow(draft, options, primary, groups, parent, residential);
  const service: BuiltService = { id: row.id as string, primary, area };
  rows.service.push(row);
  for (const c of categories) rows.service_category_link.push({ service_id: service.id, category_id: c.id });
  for (const g of groups) rows.service_target_group.push({ service_id: service.id, target_group_id: g.id });
  for (const k of at) {
    links.push({ service, site: sites[k] });
    sites[k].served = true;
    if (residential || primary.code === 'counselling.helpline') sites[k].residential = true;
  }
  return service;
}

/** The groups the categories typically serve; the category's most typical group comes first more often than chance would put it there. */
function drawTargetGroups(draft: OrganizationDraft, categories: RefCategory[]): RefTargetGroup[] {
  const r = draft.random;
  const candidates: RefTargetGroup[] = [];
  for (const c of categories) {
    for (const code of CATEGORY_TARGET_GROUPS[c.code] ?? []) {
      const group = draft.catalog.targetGroupsByCode.get(code);
      if (group && !candidates.includes(group)) candidates.push(group);
    }
  }
  const groupPool = candidates.length ? candidates : [...draft.catalog.targetGroupsByCode.values()];
  return r.chance(0.6) ? [groupPool[0], ...r.sample(groupPool.slice(1), TARGET_GROUP_COUNT.draw(r) - 1)] : r.sample(groupPool, TARGET_GROUP_COUNT.draw(r));
}

/** The service's row: its facts first, then its id and times, in the order the stream has always drawn them. */
function serviceRow(draft: OrganizationDraft, options: ServiceOptions, primary: RefCategory, groups: RefTargetGroup[], parent: string, residential: boolean): Row {
  const r = draft.random;
  const { organizationStatus } = options;
  const languages = drawLanguages(draft, groups);
  const [minCapacity, maxCapacity] = CAPACITY_BY_PARENT[parent] ?? [10, 500];
  const capacity = r.chance(0.9) ? Math.round(Math.exp(r.between(Math.log(minCapacity), Math.log(maxCapacity)))) : null;
  const places = residential ? r.int(6, 40) : null;
  const fee = r.chance(0.92) ? drawFee(draft, primary) : null;
  const eligibility = r.chance(0.45) ? (ELIGIBILITY_BY_CATEGORY[primary.code] ?? r.pick(ELIGIBILITY_SQ)) : null;
  const groupNamesSq = groups.map((g) => lowerFirst(g.names.sq));
  const descriptionSq = r.chance(0.6) ? `${primary.names.sq} për ${listOf(groupNamesSq, 'dhe')}.` : null;
  const status =
    organizationStatus === OrganizationStatus.CLOSED
      ? ServiceStatus.INACTIVE
      : r.chance(organizationStatus === OrganizationStatus.ACTIVE ? 0.95 : 0.4)
        ? ServiceStatus.ACTIVE
        : ServiceStatus.INACTIVE;
  return {
    id: r.uuid(),
    ...draft.childTime(),
    organization_id: draft.organizationId,
    name_sq: primary.names.sq,
    name_sr: options.withSr ? primary.names.sr : null,
    name_en: options.withEn ? primary.names.en : null,
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
  };
}

/**
 * A site where nothing is delivered would show on the map with no service: give it one, and since a
 * service serves where it is delivered, its area grows by the site's municipality. Then write the links,
 * the areas and the sites' opening hours (round the clock where someone lives or a helpline answers).
 */
function linkSites(draft: OrganizationDraft, sites: Site[], services: BuiltService[], links: SiteLink[]): void {
  const { random: r, rows } = draft;
  for (const site of sites) {
    if (!site.served) {
      const service = r.pick(services);
      links.push({ service, site });
      service.area.add(site.municipality);
      site.served = true;
    }
  }
  for (const link of links) {
    rows.service_at_location.push({ id: r.uuid(), ...draft.childTime(), service_id: link.service.id, location_id: link.site.row.id as string });
  }
  for (const service of services) {
    for (const m of service.area) rows.service_area.push({ service_id: service.id, municipality_id: m.id });
  }
  for (const site of sites) {
    site.row.opening_hours = site.residential ? '24/7' : r.chance(0.85) ? r.pick(OPENING_HOURS) : null;
  }
}

function drawDistinctCategory(draft: OrganizationDraft, profileCategories: Weighted<RefCategory>, used: Set<string>): RefCategory {
  const r = draft.random;
  // Mostly the profile's own categories; now and then something outside it, as real CSOs diversify.
  if (!r.chance(0.1)) {
    for (let attempt = 0; attempt < 8; attempt++) {
      const c = profileCategories.draw(r);
      if (!used.has(c.code)) return c;
    }
  }
  const leaves = draft.catalog.leaves;
  const free = leaves.filter((c) => !used.has(c.code));
  return r.pick(free.length ? free : leaves);
}

function drawLanguages(draft: OrganizationDraft, groups: RefTargetGroup[]): string[] {
  const { random: r, home, community } = draft;
  const set = new Set<string>();
  if (community !== 'srb' || r.chance(0.5)) set.add('sq');
  if (community === 'srb' || r.chance(0.2)) set.add('sr');
  if (r.chance(0.25)) set.add('en');
  if (community === 'tur' || r.chance(home.code === 'prizren' || home.code === 'mamushe' ? 0.3 : 0.02)) set.add('tr');
  if (community === 'bos' || r.chance(home.code === 'dragash' || home.code === 'prizren' || home.code === 'peje' ? 0.15 : 0.02)) set.add('bs');
  if (r.chance(groups.some((g) => g.code === 'roma-ashkali-egyptian') ? 0.5 : 0.02)) set.add('rom');
  return ['sq', 'sr', 'en', 'tr', 'bs', 'rom'].filter((l) => set.has(l));
}

function drawFee(draft: OrganizationDraft, primary: RefCategory): ServiceFee {
  const x = draft.random.float();
  if (primary.code === 'residential.elderly' || primary.code === 'community.home-care') {
    return x < 0.35 ? ServiceFee.FREE : x < 0.65 ? ServiceFee.SLIDING_SCALE : ServiceFee.FEE;
  }
  return x < 0.78 ? ServiceFee.FREE : x < 0.92 ? ServiceFee.SLIDING_SCALE : ServiceFee.FEE;
}
