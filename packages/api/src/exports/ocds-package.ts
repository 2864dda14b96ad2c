import type { Response } from 'express';
import type { AppConfig } from '../core/config';
import { todayInKosovo } from '../geography/geo';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import type { ExportMetadata } from './export-formats';
import { writeJsonArray } from './export-http';
import { OCDS_PATHS } from './ocds-extension';
import { contractRelease } from './ocds-release';

/**
 * `/export/contracts.ocds.json`: an OCDS 1.1 release package of the matching providers' contracts,
 * streamed release by release; the package states the publisher, its ocid prefix (and whether that
 * is a development placeholder), the licence, the filter and whether demo records are in it.
 */
export async function writeOcdsReleasePackage(
  res: Response,
  contracts: AsyncIterable<Record<string, any>[]>,
  meta: ExportMetadata,
  catalog: ReferenceCatalog,
  config: Pick<AppConfig, 'publicUrl' | 'ocds'>,
): Promise<void> {
  res.type('application/json; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="civimap-contracts-${meta.generatedAt.toISOString().slice(0, 10)}.ocds.json"`);
  res.setHeader('Link', `<${meta.licence.url}>; rel="license"`);
  const { publicUrl, ocds } = config;
  const head = {
    uri: meta.source.replace(/^civimap /, ''),
    version: '1.1',
    extensions: [`${publicUrl}${OCDS_PATHS.extension}`],
    publishedDate: meta.generatedAt.toISOString(),
    // uid: the publisher's ocid prefix, unique to it in the prefix register.
    publisher: { name: 'civimap', uid: ocds.prefix, uri: publicUrl },
    license: meta.licence.url,
    publicationPolicy: `${publicUrl}${OCDS_PATHS.policy}`,
    civimap: {
      filter: meta.filter,
      includesDemo: meta.includesDemo,
      licence: meta.licence.name,
      ocidPrefix: {
        prefix: ocds.prefix,
        placeholder: ocds.placeholder,
        ...(ocds.placeholder ? { note: 'A development placeholder, not a registered ocid prefix: set OCDS_PREFIX to the prefix registered for this publisher.' } : {}),
      },
    },
  };
  const settings = { prefix: ocds.prefix, today: todayInKosovo() };
  await writeJsonArray(res, `${JSON.stringify(head).slice(0, -1)},"releases":[`, contracts, (row) => contractRelease(row, catalog, settings));
}
