import { SURVEY_RESULT_FIELDS } from './survey-fields';
import { COVERAGE_FIELDS, type ExportField, LOCATION_FIELDS, ORGANIZATION_FIELDS, SERVICE_FIELDS, tableSchema } from './export-fields';

/** One CSV export the data package describes. */
export interface PackageResource {
  name: string;
  /** Path under /export, e.g. "organizations.csv". */
  file: string;
  title: string;
  description: string;
  fields: readonly ExportField[];
  primaryKey?: string | string[];
  /** Which query parameter carries this resource's filter, and its value (JSON), if any. */
  filter?: { parameter: string; value: unknown };
}

export interface PackageContext {
  publicUrl: string;
  licence: { name: string; url: string };
  generatedAt: Date;
  organizationFilter: unknown;
  coverageFilter: unknown;
  includesDemo: boolean;
  /** Development placeholders a reader must know about (e.g. the OCDS prefix); empty in production. */
  notes?: string[];
}

/** The public CSV exports: what /export/datapackage.json lists. */
export function publicResources(ctx: Pick<PackageContext, 'organizationFilter' | 'coverageFilter'>): PackageResource[] {
  const organizations = { parameter: 'filter', value: ctx.organizationFilter };
  return [
    {
      name: 'organizations',
      file: 'organizations.csv',
      title: 'Organizations',
      description: 'Civil-society organizations providing social and family services: one record per organization the filter matches.',
      fields: ORGANIZATION_FIELDS,
      primaryKey: 'id',
      filter: organizations,
    },
    {
      name: 'services',
      file: 'services.csv',
      title: 'Services',
      description: 'The services of the organizations the filter matches.',
      fields: SERVICE_FIELDS,
      primaryKey: 'id',
      filter: organizations,
    },
    {
      name: 'locations',
      file: 'locations.csv',
      title: 'Sites',
      description: 'The sites of the organizations the filter matches; a spatial filter keeps only the sites that make an organization match.',
      fields: LOCATION_FIELDS,
      primaryKey: 'id',
      filter: organizations,
    },
    {
      name: 'coverage',
      file: 'coverage.csv',
      title: 'Coverage per municipality and service category',
      description: 'The coverage table of the coverage page: per municipality and category, providers, sites, providers per 10,000 inhabitants, the nearest site and whether the cell is a gap.',
      fields: COVERAGE_FIELDS,
      primaryKey: ['municipality', 'category'],
      filter: { parameter: 'filter', value: ctx.coverageFilter },
    },
    {
      name: 'survey-results',
      file: 'survey-results.csv',
      title: 'Mapping survey results by region',
      description:
        'Aggregated answers of the latest closed survey wave (?wave= names another, ?groupBy= one or two of REGION, MUNICIPALITY, CATEGORY, TARGET_GROUP, LEGAL_FORM, BUDGET_BAND): cells of fewer than SURVEY_MIN_CELL responding organizations are withheld with their complements; free-text answers are never published.',
      fields: SURVEY_RESULT_FIELDS,
    },
  ];
}

const isEmpty = (value: unknown) => value === undefined || value === null || (typeof value === 'object' && Object.keys(value as object).length === 0);

/** The absolute URL of an export with its filter, from PUBLIC_URL only (never the request's Host). */
export function exportUrl(publicUrl: string, file: string, params: Record<string, unknown>): string {
  const url = new URL(`${publicUrl}/export/${file}`);
  for (const [key, value] of Object.entries(params)) {
    if (isEmpty(value)) continue;
    url.searchParams.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return url.toString();
}

/**
 * A Frictionless (Tabular) Data Package: each CSV export with its Table Schema (names, types,
 * units, constraints), the CSV dialect, the licence, the source and the filter. Resource paths ask
 * for no byte-order mark (`bom=0`): data tools read UTF-8 without one; Excel users download the
 * files with it from the web app.
 */
export function dataPackage(ctx: PackageContext, resources: PackageResource[] = publicResources(ctx)): object {
  const licence = { name: ctx.licence.name.replace(/\s+/g, '-').replace(/[^A-Za-z0-9.\-_]/g, ''), path: ctx.licence.url, title: ctx.licence.name };
  return {
    profile: 'tabular-data-package',
    name: 'civimap',
    title: 'civimap: civil-society providers of social and family services in Kosovo',
    description:
      'Exports of the civimap registry. Licence, time, filter and demo flag are stated here and in the HTTP headers of each file (Link to the licence and to this package), never inside the CSV files.' +
      (ctx.includesDemo ? ' The data include fictional demo records (is_demo = true).' : ''),
    homepage: ctx.publicUrl,
    created: ctx.generatedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    licenses: [licence],
    sources: [{ title: 'civimap', path: ctx.publicUrl }],
    civimap: {
      filter: ctx.organizationFilter ?? {},
      coverageFilter: ctx.coverageFilter ?? {},
      includesDemo: ctx.includesDemo,
      ...(ctx.notes?.length ? { notes: ctx.notes } : {}),
    },
    resources: resources.map((r) => ({
      profile: 'tabular-data-resource',
      name: r.name,
      path: exportUrl(ctx.publicUrl, r.file, { ...(r.filter ? { [r.filter.parameter]: r.filter.value } : {}), bom: '0' }),
      title: r.title,
      description: r.description,
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      dialect: { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true },
      licenses: [licence],
      sources: [{ title: 'civimap', path: ctx.publicUrl }],
      ...(r.filter && !isEmpty(r.filter.value) ? { civimap: { filter: r.filter.value } } : {}),
      schema: tableSchema(r.fields, r.primaryKey),
    })),
  };
}
