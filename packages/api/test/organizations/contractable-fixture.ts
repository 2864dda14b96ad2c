import { OrganizationStatus } from '../../src/organizations/organization.enums';
import { ServiceStatus } from '../../src/services/service.enums';
import type { OrganizationSpec } from '../support/fixtures';

/**
 * "Contractable for category C in municipality M on date D" (DESIGN section 2), against a hand-built
 * registry (shared by contractable.test.ts and contracting-search.test.ts) where every organization but the first misses exactly one condition.
 */
export const D = '2026-06-15';
export const DAY_BEFORE = '2026-06-14';
export const DAY_AFTER = '2026-06-16';
const PRISHTINE_SITE = { municipality: 'prishtine', lat: 42.662, lng: 21.165 };
const PEJE_SITE = { municipality: 'peje', lat: 42.66, lng: 20.29 };
const shelter = (over: Partial<OrganizationSpec['services'] extends (infer S)[] | undefined ? S : never> = {}) => ({
  name: 'Strehimore',
  categories: ['residential.shelter-domestic-violence'],
  area: ['prishtine'],
  atSites: [0],
  ...over,
});
const licence = (over: Partial<{ categories: string[]; from: string; until: string | null }> = {}) => ({ categories: ['residential'], from: '2025-01-01', until: '2027-12-31', ...over });

export const FIXTURE: Record<string, OrganizationSpec> = {
  contractable: { sq: 'Kontraktueshme', sites: [PRISHTINE_SITE], services: [shelter()], licences: [licence()] },
  licenceEndsOnTheDay: { sq: 'Skadon në ditë', sites: [PRISHTINE_SITE], services: [shelter()], licences: [licence({ until: D })] },
  licenceStartsOnTheDay: { sq: 'Fillon në ditë', sites: [PRISHTINE_SITE], services: [shelter()], licences: [licence({ from: D, until: null })] },
  licenceExpiredTheDayBefore: { sq: 'Skadoi një ditë më parë', sites: [PRISHTINE_SITE], services: [shelter()], licences: [licence({ until: DAY_BEFORE })] },
  licenceStartsTheDayAfter: { sq: 'Fillon një ditë më pas', sites: [PRISHTINE_SITE], services: [shelter()], licences: [licence({ from: DAY_AFTER })] },
  areaExcludesMunicipality: { sq: 'Zona tjetër', sites: [PEJE_SITE], services: [shelter({ area: ['peje'] })], licences: [licence()] },
  servesByAreaOnly: { sq: 'Vetëm zona', sites: [PEJE_SITE], services: [shelter({ area: ['peje', 'prishtine'] })], licences: [licence()] },
  deliveredAtSiteOnly: { sq: 'Vetëm vendi', sites: [PRISHTINE_SITE], services: [shelter({ area: [] })], licences: [licence()] },
  siteThereButServiceElsewhere: { sq: 'Vendi pa shërbim', sites: [PRISHTINE_SITE, PEJE_SITE], services: [shelter({ area: ['peje'], atSites: [1] })], licences: [licence()] },
  unverified: { sq: 'E paverifikuar', verified: false, sites: [PRISHTINE_SITE], services: [shelter()], licences: [licence()] },
  inactiveOrganization: { sq: 'Joaktive', status: OrganizationStatus.INACTIVE, sites: [PRISHTINE_SITE], services: [shelter()], licences: [licence()] },
  inactiveService: { sq: 'Shërbim joaktiv', sites: [PRISHTINE_SITE], services: [shelter({ status: ServiceStatus.INACTIVE })], licences: [licence()] },
  licenceForOtherCategory: { sq: 'Licencë tjetër', sites: [PRISHTINE_SITE], services: [shelter()], licences: [licence({ categories: ['counselling'] })] },
  licenceForSiblingCategory: { sq: 'Licencë motër', sites: [PRISHTINE_SITE], services: [shelter()], licences: [licence({ categories: ['residential.elderly'] })] },
  licenceExactCategory: { sq: 'Licencë e saktë', sites: [PRISHTINE_SITE], services: [shelter()], licences: [licence({ categories: ['residential.shelter-domestic-violence'] })] },
  licensedServiceIsOtherOne: {
    sq: 'Dy shërbime',
    sites: [PRISHTINE_SITE],
    // The counselling service is licensed, the shelter is not: the licence must cover the service that qualifies.
    services: [shelter(), { name: 'Këshillim', categories: ['counselling.family'], area: ['peje'], atSites: [] }],
    licences: [licence({ categories: ['counselling'] })],
  },
};

