// The country outline and the municipalities' polygons (shipped with the product and imported on
// first start, so they are there offline): every map draws them as its vector base layer, and the
// main map and the coverage choropleth fill the polygons. One request, cached for the page's life.
import type L from 'leaflet';
import { useMemo } from 'react';
import { graphql } from '../../gql';
import { fetchGql, useGqlQuery } from '../api/query';

/**
 * Path options for these shapes on any map: drawn whole, never clipped to the view. Leaflet clips
 * every path again after each move, and clipping the 38 municipalities took 10–15 ms of each
 * moveend (a third of a pan's longest task at 20,000 sites); the country's shapes are small enough
 * to draw whole at any zoom (about 170,000 px across at zoom 18).
 */
export const WHOLE_SHAPE: L.PolylineOptions = { noClip: true };

/** Coordinates rounded to 4 decimals (about 11 m): a third of the stored bytes, invisible on any map of the country. */
export const BaseMapQuery = graphql(`
  query BaseMap {
    country {
      outline(decimals: 4)
      attribution
    }
    municipalities {
      code
      names {
        ...LocalizedTextFields
      }
      seat {
        lat
        lng
      }
      boundary(decimals: 4)
    }
  }
`);

export type BaseMapData = Awaited<ReturnType<typeof fetchBaseMap>>;

export function fetchBaseMap() {
  return fetchGql(BaseMapQuery, {});
}

/** The imported boundaries by municipality code: empty when none are imported (or they failed to load), null while loading. */
export function useBoundaryShapes(): Map<string, unknown> | null {
  const q = useGqlQuery(BaseMapQuery, {});
  return useMemo(() => {
    if (q.data) return new Map(q.data.municipalities.filter((m) => m.boundary != null).map((m) => [m.code, m.boundary as unknown]));
    return q.error ? new Map<string, unknown>() : null;
  }, [q.data, q.error]);
}
