import type { EntityManager } from '@mikro-orm/postgresql';
import type { Writable } from 'node:stream';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { copyOrganizations, organizationDocuments, refreshDocuments } from './hsds-documents';
import { HsdsMapper } from './hsds-mapping';
import { revisionsByEntity } from './hsds-metadata';
import type { HsdsObject } from './hsds-records';
import { type HsdsFilter, type HsdsListKind, HsdsStore } from './hsds-store';
import { HsdsVocabulary } from './hsds-vocabulary';

export type HsdsShape = 'basic' | 'full' | 'full_service';

/**
 * Reads HSDS objects by id, by page and in keyset batches (for streaming everything). A batch of any
 * size costs a fixed number of SQL statements.
 */
export class HsdsReader {
  readonly vocabulary: HsdsVocabulary;
  readonly mapper: HsdsMapper;
  readonly store: HsdsStore;

  constructor(
    private readonly em: EntityManager,
    catalog: ReferenceCatalog,
  ) {
    this.vocabulary = new HsdsVocabulary(catalog);
    this.mapper = new HsdsMapper(this.vocabulary);
    this.store = new HsdsStore(em, this.vocabulary);
  }

  async objects(kind: HsdsListKind, ids: string[], shape: HsdsShape): Promise<HsdsObject[]> {
    if (!ids.length) return [];
    if (kind === 'organizations') return organizationDocuments(this.em, this.vocabulary, ids, shape);
    if (kind === 'services') {
      const services = await this.store.services({ ids });
      if (shape === 'basic') return services.map((s) => this.mapper.serviceBasic(s));
      const [organizations, sals] = await Promise.all([
        this.store.organizations([...new Set(services.map((s) => s.organizationId))]),
        this.store.serviceAtLocations({ serviceIds: ids }),
      ]);
      const locations = await this.store.locations({ ids: [...new Set(sals.map((sal) => sal.locationId))] });
      const revisions = revisionsByEntity(await this.store.revisions([...ids, ...sals.map((s) => s.id), ...locations.map((l) => l.id)]));
      const organizationsById = new Map(organizations.map((o) => [o.id, o]));
      const locationsById = new Map(locations.map((l) => [l.id, l]));
      return services.map((s) =>
        this.mapper.serviceFull(s, {
          organization: organizationsById.get(s.organizationId),
          serviceAtLocations: sals.filter((sal) => sal.serviceId === s.id),
          locationsById,
          revisions,
          nestLocations: true,
        }),
      );
    }
    const sals = await this.store.serviceAtLocations({ ids });
    const [services, locations] = await Promise.all([
      this.store.services({ ids: [...new Set(sals.map((sal) => sal.serviceId))] }),
      this.store.locations({ ids: [...new Set(sals.map((sal) => sal.locationId))] }),
    ]);
    const organizations = await this.store.organizations([...new Set(services.map((s) => s.organizationId))]);
    const servicesById = new Map(services.map((s) => [s.id, s]));
    const locationsById = new Map(locations.map((l) => [l.id, l]));
    const organizationsById = new Map(organizations.map((o) => [o.id, o]));
    const revisions =
      shape === 'basic'
        ? new Map()
        : revisionsByEntity(await this.store.revisions([...ids, ...services.map((s) => s.id), ...locations.map((l) => l.id)]));
    return sals.map((sal) => {
      const service = servicesById.get(sal.serviceId)!;
      const location = locationsById.get(sal.locationId)!;
      const organization = organizationsById.get(service.organizationId)!;
      return shape === 'basic'
        ? this.mapper.serviceAtLocationBasic(sal, service, location, organization)
        : this.mapper.serviceAtLocationFull(sal, service, location, organization, revisions);
    });
  }

  async one(kind: HsdsListKind, id: string, shape: HsdsShape): Promise<HsdsObject | null> {
    const [object] = await this.objects(kind, [id.toLowerCase()], shape);
    return object ?? null;
  }

  minimal(filter: HsdsFilter) {
    return this.store.minimal(filter);
  }

  async page(kind: HsdsListKind, filter: HsdsFilter, page: number, perPage: number, shape: HsdsShape) {
    const [total, ids] = await Promise.all([this.store.count(kind, filter), this.store.pageIds(kind, filter, (page - 1) * perPage, perPage)]);
    return { total, contents: await this.objects(kind, ids, shape) };
  }

  /** Every matching organization as NDJSON into `out`, built and streamed by PostgreSQL (see hsds-documents.ts). */
  copyOrganizations(filter: HsdsFilter, shape: HsdsShape, out: Writable): Promise<void> {
    return copyOrganizations(this.em, this.vocabulary, this.store.listQuery('organizations', filter).where, shape, out);
  }

  /** Stores the documents of the organizations that have none current (see hsds-documents.ts); how many. */
  refreshDocuments(): Promise<number> {
    return refreshDocuments(this.em, this.vocabulary);
  }

  /** Everything matching, in id order, batch by batch: memory stays bounded by the batch size. */
  async *stream(kind: HsdsListKind, filter: HsdsFilter, shape: HsdsShape, batchSize = 100): AsyncGenerator<HsdsObject[]> {
    let after: string | null = null;
    for (;;) {
      const ids = await this.store.idsAfter(kind, filter, after, batchSize);
      if (!ids.length) return;
      yield await this.objects(kind, ids, shape);
      if (ids.length < batchSize) return;
      after = ids[ids.length - 1];
    }
  }
}
