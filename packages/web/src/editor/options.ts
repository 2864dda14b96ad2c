import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryOptions } from '../shared/categories';
import { useRefData } from '../shared/refdata';
import type { Option } from '../shared/ui/Forms';

/** The choices of the editor's selects, named in the UI language. */
export function useOptions() {
  const { t } = useTranslation();
  const ref = useRefData().data;
  return useMemo(() => {
    return {
      categories: categoryOptions(ref?.categoryTree ?? []) as Option[],
      targetGroups: (ref?.targetGroups ?? []).map((g) => ({ value: g.code, label: g.name })),
      municipalities: (ref?.municipalities ?? []).map((m) => ({ value: m.code, label: m.name })),
      seat: (code: string) => ref?.municipalityByCode.get(code)?.seat ?? null,
      status: ['ACTIVE', 'INACTIVE', 'CLOSED'].map((v) => ({ value: v, label: t(`enum.status.${v}`) })),
      serviceStatus: ['ACTIVE', 'INACTIVE'].map((v) => ({ value: v, label: t(`enum.serviceStatus.${v}`) })),
      fee: ['FREE', 'FEE', 'SLIDING_SCALE'].map((v) => ({ value: v, label: t(`enum.fee.${v}`) })),
      legalForm: ['ASSOCIATION', 'FOUNDATION', 'OTHER'].map((v) => ({ value: v, label: t(`enum.legalForm.${v}`) })),
    };
  }, [ref, t]);
}
