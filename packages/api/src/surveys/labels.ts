import { localizedText, type LocalizedText } from '../core/localized-text';
import type { ReferenceCatalog } from '../reference/reference-catalog';
import { optionsOf } from './answers';
import { type Dimension, UNKNOWN } from './results-compute';

const LEGAL_FORMS: Record<string, [string, string, string]> = {
  ASSOCIATION: ['Shoqatë', 'Udruženje', 'Association'],
  FOUNDATION: ['Fondacion', 'Fondacija', 'Foundation'],
  OTHER: ['Tjetër', 'Drugo', 'Other'],
};

const BUDGET = optionsOf({ code: 'budget_band', type: 'SINGLE_CHOICE', label: { sq: '', sr: '', en: '' }, codeList: 'budgetBands' }, null as unknown as ReferenceCatalog);

/** The name of a cell's code in its dimension, in the three languages. */
export function labelOf(dimension: Dimension, code: string, catalog: ReferenceCatalog): LocalizedText {
  if (code === UNKNOWN) return localizedText('E panjohur', 'Nepoznato', 'Not known');
  const named = (names: { sq: string; sr?: string | null; en?: string | null } | undefined) => (names ? localizedText(names.sq, names.sr, names.en) : localizedText(code, code, code));
  switch (dimension) {
    case 'REGION':
      return named(catalog.regionsByCode.get(code)?.names);
    case 'MUNICIPALITY':
      return named(catalog.municipalitiesByCode.get(code)?.names);
    case 'CATEGORY':
      return named(catalog.categoriesByCode.get(code)?.names);
    case 'TARGET_GROUP':
      return named(catalog.targetGroupsByCode.get(code)?.names);
    case 'LEGAL_FORM':
      return localizedText(...(LEGAL_FORMS[code] ?? [code, code, code]));
    case 'BUDGET_BAND': {
      const band = BUDGET.find((o) => o.code === code);
      return band ? localizedText(band.label.sq, band.label.sr, band.label.en) : localizedText(code, code, code);
    }
  }
}
