import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../core/config';
import { PublicAuthority } from '../authorities/public-authority.entity';
import { AuthorityKind } from '../authorities/authority.enums';
import { Municipality } from '../geography/municipality.entity';
import { Region } from '../geography/region.entity';
import { ServiceCategory } from '../taxonomy/service-category.entity';
import { TargetGroup } from '../taxonomy/target-group.entity';
import { localizedText } from '../core/localized-text';

export const referenceDataDir = path.join(packageRoot, 'data', 'reference');

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(referenceDataDir, file), 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
}

/** Ministries that fund or contract social and family services. */
export const MINISTRIES = [
  { code: 'ministry-justice', sq: 'Ministria e Drejtësisë', sr: 'Ministarstvo pravde', en: 'Ministry of Justice' },
  { code: 'ministry-finance-labour-transfers', sq: 'Ministria e Financave, Punës dhe Transfereve', sr: 'Ministarstvo finansija, rada i transfera', en: 'Ministry of Finance, Labour and Transfers' },
  { code: 'ministry-health', sq: 'Ministria e Shëndetësisë', sr: 'Ministarstvo zdravlja', en: 'Ministry of Health' },
  { code: 'ministry-education', sq: 'Ministria e Arsimit, Shkencës, Teknologjisë dhe Inovacionit', sr: 'Ministarstvo obrazovanja, nauke, tehnologije i inovacija', en: 'Ministry of Education, Science, Technology and Innovation' },
  { code: 'ministry-internal-affairs', sq: 'Ministria e Punëve të Brendshme', sr: 'Ministarstvo unutrašnjih poslova', en: 'Ministry of Internal Affairs' },
];

/**
 * Regions, municipalities, the service taxonomy, target groups and public authorities, from the
 * project's own copy of the reference facts. Idempotent: rows are matched by code and updated.
 */
export class ReferenceDataSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    await em.transactional(async (tx) => {
      const regions = new Map((await tx.find(Region, {})).map((r) => [r.code, r]));
      for (const row of readCsv('regions.csv')) {
        const region = regions.get(row.code) ?? tx.create(Region, { code: row.code, names: localizedText(row.name_sq) });
        region.names = localizedText(row.name_sq, row.name_sr, row.name_en);
        regions.set(row.code, region);
      }

      const municipalities = new Map((await tx.find(Municipality, {})).map((m) => [m.code, m]));
      for (const row of readCsv('municipalities.csv')) {
        const region = regions.get(row.region_code);
        if (!region) throw new Error(`municipalities.csv: unknown region ${row.region_code} for ${row.code}`);
        const values = {
          names: localizedText(row.name_sq, row.name_sr, row.name_en),
          region,
          population: Number(row.population),
          populationYear: Number(row.population_year),
          seatLat: Number(row.seat_lat),
          seatLng: Number(row.seat_lng),
          boundaryShapeName: row.boundary_shape_name || null,
        };
        const existing = municipalities.get(row.code);
        if (existing) tx.assign(existing, values);
        else municipalities.set(row.code, tx.create(Municipality, { code: row.code, ...values }));
      }

      const categories = new Map((await tx.find(ServiceCategory, {})).map((c) => [c.code, c]));
      readCsv('service-categories.csv').forEach((row, position) => {
        const parent = row.parent_code ? categories.get(row.parent_code) : null;
        if (row.parent_code && !parent) throw new Error(`service-categories.csv: parent ${row.parent_code} must come before ${row.code}`);
        const values = { names: localizedText(row.name_sq, row.name_sr, row.name_en), parent, position };
        const existing = categories.get(row.code);
        if (existing) tx.assign(existing, values);
        else categories.set(row.code, tx.create(ServiceCategory, { code: row.code, ...values }));
      });

      const groups = new Map((await tx.find(TargetGroup, {})).map((g) => [g.code, g]));
      readCsv('target-groups.csv').forEach((row, position) => {
        const values = { names: localizedText(row.name_sq, row.name_sr, row.name_en), position };
        const existing = groups.get(row.code);
        if (existing) tx.assign(existing, values);
        else tx.create(TargetGroup, { code: row.code, ...values });
      });

      const authorities = new Map((await tx.find(PublicAuthority, {})).map((a) => [a.code, a]));
      for (const ministry of MINISTRIES) {
        const values = { names: localizedText(ministry.sq, ministry.sr, ministry.en), kind: AuthorityKind.MINISTRY, municipality: null };
        const existing = authorities.get(ministry.code);
        if (existing) tx.assign(existing, values);
        else tx.create(PublicAuthority, { code: ministry.code, ...values });
      }
      for (const municipality of municipalities.values()) {
        const code = `municipality-${municipality.code}`;
        const names = localizedText(
          `Komuna e ${municipality.names.sq}`,
          municipality.names.sr ? `Opština ${municipality.names.sr}` : null,
          `Municipality of ${municipality.names.en ?? municipality.names.sq}`,
        );
        const values = { names, kind: AuthorityKind.MUNICIPALITY, municipality };
        const existing = authorities.get(code);
        if (existing) tx.assign(existing, values);
        else tx.create(PublicAuthority, { code, ...values });
      }
    });
  }
}

export async function seedReferenceData(em: EntityManager): Promise<void> {
  await new ReferenceDataSeeder().run(em);
}
