// Links to the API's streamed exports: each takes the current OrganizationFilter as JSON in
// `?filter=`, so that a download holds exactly what the view shows.

export const EXPORT_KINDS = ['organizations.csv', 'services.csv', 'locations.csv', 'locations.geojson', 'contracts.ocds.json'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const EXPORT_BASE = '/export';

/** Drops empty parts (undefined, null, empty lists and strings) so that the API's defaults apply. */
function compact(filter: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (typeof v === 'string' && v.trim() === '') continue;
    out[k] = v;
  }
  return out;
}

/** `/export/KIND?filter=<URL-encoded JSON>`, or no parameter at all for an empty filter. */
export function exportUrl(kind: ExportKind, filter: object = {}): string {
  const f = compact(filter as Record<string, unknown>);
  const path = `${EXPORT_BASE}/${kind}`;
  return Object.keys(f).length ? `${path}?filter=${encodeURIComponent(JSON.stringify(f))}` : path;
}

/** The file name the browser saves a download under (the API sends the same in Content-Disposition). */
export function exportFileName(kind: ExportKind): string {
  return `civimap-${kind}`;
}
