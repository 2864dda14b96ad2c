// The municipalities' imported boundaries (GeoJSON), an optional data set: the main map and the
// coverage choropleth draw them when present, circles at the seats otherwise.
import { graphql } from '../../gql';

export const MunicipalityBoundariesQuery = graphql(`
  query MunicipalityBoundaries {
    municipalities {
      code
      boundary
    }
  }
`);
