import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { graphql } from '../gql';
import type { ReferenceDataQuery as ReferenceDataResult } from '../gql/graphql';
import { buildCategoryTree, indexTree, type CategoryNode } from './categories';
import { useGqlQuery } from './api/query';
import { apiLang, type Lang } from './i18n/lang';

/** The reference data every page names codes with: regions, municipalities, categories, target groups. */
export const ReferenceDataQuery = graphql(`
  query ReferenceData($lang: Language!) {
    regions {
      code
      name(lang: $lang)
    }
    municipalities {
      code
      name(lang: $lang)
      region {
        code
      }
      population
      seat {
        lat
        lng
      }
    }
    serviceCategories {
      code
      name(lang: $lang)
      parent {
        code
      }
    }
    targetGroups {
      code
      name(lang: $lang)
    }
  }
`);

export interface RefData {
  regions: ReferenceDataResult['regions'];
  municipalities: ReferenceDataResult['municipalities'];
  municipalityByCode: Map<string, ReferenceDataResult['municipalities'][number]>;
  categoryTree: CategoryNode[];
  categoryIndex: Map<string, CategoryNode>;
  targetGroups: ReferenceDataResult['targetGroups'];
}

interface RefDataState {
  data: RefData | null;
  error: Error | undefined;
  retry: () => void;
}

const Ctx = createContext<RefDataState>({ data: null, error: undefined, retry: () => {} });

export function RefDataProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  // while another language loads, keep showing the previous names rather than an empty panel
  const q = useGqlQuery(ReferenceDataQuery, { lang: apiLang(lang) }, { keepPrevious: true });
  const data = useMemo<RefData | null>(() => {
    if (!q.data) return null;
    const categoryTree = buildCategoryTree(q.data.serviceCategories);
    return {
      regions: q.data.regions,
      municipalities: [...q.data.municipalities].sort((a, b) => a.name.localeCompare(b.name, lang)),
      municipalityByCode: new Map(q.data.municipalities.map((m) => [m.code, m])),
      categoryTree,
      categoryIndex: indexTree(categoryTree),
      targetGroups: q.data.targetGroups,
    };
  }, [q.data, lang]);
  const { error, refetch } = q;
  const value = useMemo(() => ({ data, error: error ?? undefined, retry: () => void refetch() }), [data, error, refetch]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useRefData(): RefDataState {
  return useContext(Ctx);
}
