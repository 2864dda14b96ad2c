import { DemoAgreements } from './demo-agreements';
import { DemoCatalog } from './demo-catalog';
import { DemoRandom } from './demo-random';
import { type DemoReference, type DemoRows, emptyRows, isoTime, MINUTE } from './demo-rows';
import { addServices } from './demo-services';
import { addSites, type OrganizationDraft } from './demo-sites';
import { describeOrganization, drawIdentity, drawOrganizationRow } from './demo-organization';

export { DEMO_EPOCH, DEMO_REFERENCE_DATE, type DemoReference, type DemoRows, emptyRows, type Row, toPercentages } from './demo-rows';
export { MAX_SITE_DISTANCE_KM } from './demo-sites';

/**
 * Produces the demo registry as plain rows, organization after organization, from one seeded
 * stream: the n-th organization (with everything under it) depends only on the seed and the
 * organizations before it, so batch size and database do not change the data. Every part draws
 * from the stream in a fixed order; moving a draw changes every data set generated after it.
 */
export class DemoModel {
  private readonly random: DemoRandom;
  private index = 0;
  private readonly registrationOffset: number;
  private readonly catalog: DemoCatalog;
  private readonly agreements = new DemoAgreements();

  constructor(reference: DemoReference, seed: number) {
    this.random = new DemoRandom(seed);
    this.registrationOffset = this.random.int(0, 9_999_999);
    this.catalog = new DemoCatalog(reference);
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
    const profile = this.catalog.profiles.draw(r);
    const identity = drawIdentity(r, this.catalog, profile.templates, index === 0);
    const { row: organization, times } = drawOrganizationRow(r, identity, index, this.registrationOffset);
    rows.organization.push(organization);

    const draft: OrganizationDraft = {
      random: r,
      catalog: this.catalog,
      rows,
      organizationId: organization.id as string,
      home: identity.home,
      community: identity.community,
      childTime: () => {
        const created = times.createdAt + r.int(0, 3 * 24 * 60) * MINUTE;
        return { created_at: isoTime(created), updated_at: isoTime(Math.max(created, times.updatedAt)) };
      },
    };
    const sites = addSites(draft);
    const services = addServices(draft, { profile, organizationStatus: times.status, withSr: identity.nameSr !== null, withEn: identity.nameEn !== null }, sites);
    describeOrganization(r, this.catalog, identity, organization, services);

    if (services.length && r.chance(0.7)) this.agreements.addLicences(draft, services, times.verifiedAt, times.createdAt);
    if (services.length && r.chance(0.3)) this.agreements.addContracts(draft, services, times.createdAt);
  }
}
