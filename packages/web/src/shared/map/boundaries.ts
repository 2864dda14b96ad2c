// The municipalities' imported boundaries (GeoJSON), an optional data set: the main map and the
// coverage choropleth draw them when present, circles at the seats otherwise.
import { useMemo } from 'react';
import { graphql } from '../../gql';
import { useGqlQuery } from '../api/query';

export const MunicipalityBoundariesQuery = graphql(`
  query MunicipalityBoundaries {
    municipalities {
      code
      boundary
    }
  }
`);

/** The imported boundaries by municipality code: empty when none are imported (or they failed to load), null while loading. */
export function useBoundaryShapes(): Map<string, unknown> | null {
  const q = useGqlQuery(MunicipalityBoundariesQuery, {});
  return useMemo(() => {
    if (q.data) return new Map(q.data.municipalities.filter((m) => m.boundary != null).map((m) => [m.code, m.boundary as unknown]));
    return q.error ? new Map<string, unknown>() : null;
  }, [q.data, q.error]);
}
