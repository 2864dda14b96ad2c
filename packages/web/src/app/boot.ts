// What the first page needs from the API, asked for while the app's texts and configuration load
// and React renders (each was asked only once its component mounted, ~0.3–0.6 s later): the
// reference data every page shows, and on the map page its sites (the clustering worker, adopted
// by the map: map/sites-worker.ts) and its base map. Each goes through the cache key or the
// message the component itself uses, so the component finds the answer instead of asking again.
import { toApiFilter, parseQuery } from '../map/filter';
import { prestartSites } from '../map/sites-worker';
import { gqlQuery, queryClient } from '../shared/api/query';
import { startupLang } from '../shared/i18n/i18n';
import { apiLang } from '../shared/i18n/lang';
import { BaseMapQuery } from '../shared/map/boundaries';
import { ReferenceDataQuery } from '../shared/refdata';
import { matchRoute } from './routes';

export function startFirstRequests(): void {
  const lang = startupLang();
  const onMap = matchRoute(location.pathname)?.route.name === 'map';
  if (onMap) prestartSites(toApiFilter(parseQuery(location.search).filter), lang);
  void queryClient.prefetchQuery(gqlQuery(ReferenceDataQuery, { lang: apiLang(lang) }));
  if (onMap) void queryClient.prefetchQuery(gqlQuery(BaseMapQuery, {}));
}
