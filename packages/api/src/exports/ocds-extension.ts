import { ContractModality, ContractStatus } from '../contracts/contract.enums';
import { AUTHORITY_SCHEME, CATEGORY_SCHEME, NGO_SCHEME } from './ocds-release';

/**
 * The documents an OCDS package of civimap points to, served by civimap itself: the civimap
 * extension (extension.json, its release and package schema patches, its codelist addition) that
 * declares the `civimap` fields, and the publication policy page. Paths under /export/ocds/.
 */
export const OCDS_PATHS = {
  extension: '/export/ocds/extension.json',
  releaseSchema: '/export/ocds/release-schema.json',
  packageSchema: '/export/ocds/release-package-schema.json',
  itemClassificationScheme: '/export/ocds/codelists/+itemClassificationScheme.csv',
  policy: '/export/ocds/publication-policy',
};

export function extensionDocument(publicUrl: string): object {
  return {
    name: { en: 'civimap' },
    description: {
      en: "civimap's own contract fields: how the service was contracted (modality), the status the officer recorded, the authority's reference and whether the record is fictional demo data; and, on the package, the filter and demo flag of the export.",
    },
    documentationUrl: { en: `${publicUrl}${OCDS_PATHS.policy}` },
    compatibility: ['1.1'],
    schemas: ['release-schema.json', 'release-package-schema.json'],
    codelists: ['+itemClassificationScheme.csv'],
  };
}

/** JSON Merge Patch of the release schema: the `civimap` object on each release. */
export const RELEASE_SCHEMA_PATCH = {
  properties: {
    civimap: {
      title: 'civimap',
      description: "Fields of the civimap registry that OCDS has no place for.",
      type: 'object',
      properties: {
        modality: { title: 'Modality', description: 'How the public authority contracted the service.', type: 'string', enum: Object.values(ContractModality) },
        recordedStatus: {
          title: 'Recorded status',
          description: 'The status the officer recorded; contracts/status is derived from it and the dates (see the publication policy).',
          type: 'string',
          enum: Object.values(ContractStatus),
        },
        reference: { title: 'Reference', description: "The authority's reference number of the contract or decision.", type: ['string', 'null'] },
        isDemo: { title: 'Demo record', description: 'True for fictional demo data, never real.', type: 'boolean' },
      },
      additionalProperties: false,
    },
  },
};

/** JSON Merge Patch of the release package schema: the `civimap` object on the package. */
export const PACKAGE_SCHEMA_PATCH = {
  properties: {
    civimap: {
      title: 'civimap',
      description: 'What the export holds: its filter, whether it includes demo records, the licence, and whether the ocid prefix is a development placeholder.',
      type: 'object',
      properties: {
        filter: { title: 'Filter', description: 'The organization and contract filters of the export, as given.', type: 'object' },
        includesDemo: { title: 'Includes demo records', description: 'Whether any release is fictional demo data (civimap/isDemo).', type: 'boolean' },
        licence: { title: 'Licence', description: 'Name of the data licence (its URL is in license).', type: 'string' },
        ocidPrefix: {
          title: 'ocid prefix',
          description: 'The ocid prefix of the releases and whether it is a placeholder (a development instance with no registered prefix).',
          type: 'object',
          properties: { prefix: { type: 'string' }, placeholder: { type: 'boolean' }, note: { type: 'string' } },
          additionalProperties: false,
        },
      },
      additionalProperties: false,
    },
  },
};

/** The codelist addition: civimap's service categories as an item classification scheme. */
export const ITEM_CLASSIFICATION_ADDITION =
  'Code,Title,Description,Source,Category\r\n' +
  `${CATEGORY_SCHEME},civimap service categories,"The social and family service categories of the civimap registry; the codes are listed by its GraphQL serviceCategories query.",,Service\r\n`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The publication policy page the packages' publicationPolicy points to. */
export function publicationPolicyHtml(publicUrl: string, licence: { name: string; url: string }, ocds: { prefix: string; placeholder: boolean }): string {
  const url = (path: string) => escapeHtml(`${publicUrl}${path}`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>civimap: OCDS publication policy</title></head>
<body>
<h1>civimap: OCDS publication policy</h1>
<p>civimap publishes the contracts that public authorities in Kosovo record for services of civil-society organizations, as an
OCDS 1.1.5 release package at <a href="${url('/export/contracts.ocds.json')}">${url('/export/contracts.ocds.json')}</a>
(<code>?filter=</code> takes an organization filter, <code>?contracts=</code> a contract filter, both JSON).</p>
<h2>What and when</h2>
<ul>
<li>One release per contract, generated from the live registry at each request; a release's <code>id</code> changes whenever the contract changes (<code>date</code> is its last change).</li>
<li>ocid prefix: <code>${escapeHtml(ocds.prefix)}</code>${ocds.placeholder ? ' — a <strong>placeholder</strong> of a development instance, not a registered prefix: these ocids identify nothing outside this instance.' : ', registered for this publisher.'}</li>
<li>Licence: <a href="${escapeHtml(licence.url)}">${escapeHtml(licence.name)}</a>.</li>
<li>Fictional demo records, where an instance has them, carry <code>civimap/isDemo: true</code>; the package says <code>civimap/includesDemo</code>.</li>
</ul>
<h2>Parties and identifiers</h2>
<ul>
<li>The awarding authority is the buyer and the procuring entity (<code>tender/procuringEntity</code>); its identifier scheme <code>${AUTHORITY_SCHEME}</code> is civimap's register of authority codes.</li>
<li>The provider is the supplier, identified by its NGO registration number (scheme <code>${NGO_SCHEME}</code>) when known.</li>
<li>Items are classified by civimap's service categories (scheme <code>${CATEGORY_SCHEME}</code>, added to itemClassificationScheme by the civimap extension).</li>
<li><code>publisher/uid</code> is the publisher's ocid prefix.</li>
</ul>
<h2>Status</h2>
<table>
<tr><th>recorded (civimap/recordedStatus)</th><th>contracts/status</th><th>awards/status</th><th>dateSigned</th></tr>
<tr><td>PLANNED</td><td>pending</td><td>pending</td><td>absent (not signed)</td></tr>
<tr><td>ACTIVE, period not ended</td><td>active</td><td>active</td><td>the award date</td></tr>
<tr><td>ACTIVE, endDate before today (Kosovo time)</td><td>terminated</td><td>active</td><td>the award date</td></tr>
<tr><td>COMPLETED</td><td>terminated</td><td>active</td><td>the award date</td></tr>
<tr><td>CANCELLED</td><td>cancelled</td><td>cancelled</td><td>the award date, if any</td></tr>
</table>
<h2>Extension</h2>
<p>The <a href="${url(OCDS_PATHS.extension)}">civimap extension</a> declares the <code>civimap</code> fields of releases
(<a href="${url(OCDS_PATHS.releaseSchema)}">release schema patch</a>) and of the package
(<a href="${url(OCDS_PATHS.packageSchema)}">package schema patch</a>).</p>
</body></html>
`;
}
