import { useTranslation } from 'react-i18next';
import { useGqlQuery } from '../shared/api/query';
import { apiLang, type Lang } from '../shared/i18n/lang';
import { formatMoney } from '../shared/format/numbers';
import { OrganizationContractsQuery } from './operations';
import { LoadError } from '../shared/ui/LoadError';
import { ContractTable } from '../contracts';

/** A provider's contracting history on its profile. */
export function ProfileContracts({ id, lang }: { id: string; lang: Lang }) {
  const { t } = useTranslation();
  const q = useGqlQuery(OrganizationContractsQuery, { id, lang: apiLang(lang) });
  const contracts = [...(q.data?.organization?.contracts ?? [])].sort((a, b) => (b.awardDate ?? '').localeCompare(a.awardDate ?? ''));
  const total = contracts.reduce((s, c) => s + (c.currency === 'EUR' && c.amount != null ? c.amount : 0), 0);
  return (
    <section aria-labelledby="contracts" data-testid="profile-contracts" data-count={q.data ? contracts.length : ''}>
      <h2 id="contracts">{t('profile.contracts')}</h2>
      <LoadError error={q.error} />
      {q.isFetching && <p>{t('contracts.loading')}</p>}
      {q.data && contracts.length > 0 && (
        <p>{t('profile.contractsSummary', { count: contracts.length, amount: formatMoney(total, 'EUR', lang) })}</p>
      )}
      {q.data && <ContractTable contracts={contracts} lang={lang} showProvider={false} testId="profile-contracts-table" />}
    </section>
  );
}
