// The officers' and importers' pages (issue 5): the contractable search with comparison and
// shortlists, recording a contract, and imports. App.tsx asks parseOfficerRoute next to the
// public routes; the pages themselves load on demand.

export type OfficerRoute = { page: 'contracting' } | { page: 'recordContract' } | { page: 'import' };

export function parseOfficerRoute(pathname: string): OfficerRoute | null {
  const path = pathname.length > 1 ? pathname.replace(/\/$/, '') : pathname;
  if (path === '/contracting') return { page: 'contracting' };
  if (path === '/contracting/record') return { page: 'recordContract' };
  if (path === '/import') return { page: 'import' };
  return null;
}

export const officerPaths = {
  contracting: '/contracting',
  recordContract: (provider?: string) => (provider ? `/contracting/record?provider=${encodeURIComponent(provider)}` : '/contracting/record'),
  import: '/import',
};
