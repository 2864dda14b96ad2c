// The contracts page's state in the query string, and the ContractFilter it stands for.

export const TOTAL_DIMENSIONS = ['AUTHORITY', 'CATEGORY', 'MUNICIPALITY', 'YEAR'] as const;
export type TotalDimension = (typeof TOTAL_DIMENSIONS)[number];

export const MODALITIES = ['GRANT', 'SUBSIDY', 'SOCIAL_SERVICES_CONTRACT', 'PUBLIC_PROCUREMENT', 'OTHER'] as const;
export type Modality = (typeof MODALITIES)[number];

export interface ContractsState {
  authority: string | null;
  category: string | null;
  year: number | null;
  modality: Modality | null;
  by: TotalDimension;
}

export const CONTRACTS_PARAM = { authority: 'authority', category: 'cat', year: 'year', modality: 'modality', by: 'by' } as const;

export const defaultContractsState: ContractsState = Object.freeze({ authority: null, category: null, year: null, modality: null, by: 'AUTHORITY' }) as ContractsState;

function isOneOf<T extends string>(list: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (list as readonly string[]).includes(v);
}

export function parseContractsQuery(search: string): ContractsState {
  const p = new URLSearchParams(search.startsWith('?') ? search.slice(1) : search);
  const text = (k: string) => (p.get(k) ?? '').trim() || null;
  const rawYear = text(CONTRACTS_PARAM.year);
  const year = rawYear && /^\d{4}$/.test(rawYear) ? Number(rawYear) : null;
  const modality = p.get(CONTRACTS_PARAM.modality);
  const by = (p.get(CONTRACTS_PARAM.by) ?? '').toUpperCase();
  return {
    authority: text(CONTRACTS_PARAM.authority),
    category: text(CONTRACTS_PARAM.category),
    year,
    modality: isOneOf(MODALITIES, modality) ? modality : null,
    by: isOneOf(TOTAL_DIMENSIONS, by) ? by : defaultContractsState.by,
  };
}

export function toContractsQuery(s: ContractsState): string {
  const p = new URLSearchParams();
  if (s.authority) p.set(CONTRACTS_PARAM.authority, s.authority);
  if (s.category) p.set(CONTRACTS_PARAM.category, s.category);
  if (s.year != null) p.set(CONTRACTS_PARAM.year, String(s.year));
  if (s.modality) p.set(CONTRACTS_PARAM.modality, s.modality);
  if (s.by !== defaultContractsState.by) p.set(CONTRACTS_PARAM.by, s.by.toLowerCase());
  return p.toString();
}

export function contractsHref(s: ContractsState): string {
  const q = toContractsQuery(s);
  return q ? `/contracts?${q}` : '/contracts';
}

export interface ApiContractFilter {
  authorities?: string[];
  categories?: string[];
  years?: number[];
  modalities?: Modality[];
}

/** The GraphQL `ContractFilter`; empty parts are left out. */
export function toContractFilter(s: ContractsState): ApiContractFilter {
  const out: ApiContractFilter = {};
  if (s.authority) out.authorities = [s.authority];
  if (s.category) out.categories = [s.category];
  if (s.year != null) out.years = [s.year];
  if (s.modality) out.modalities = [s.modality];
  return out;
}
