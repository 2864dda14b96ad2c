import { useTranslation } from 'react-i18next';
import type { ContractRowFieldsFragment } from '../gql/graphql';
import { formatDate } from '../shared/format/format';
import type { Lang, OptionalLocalizedText } from '../shared/i18n/lang';
import { DataText } from '../shared/ui/DataText';
import { formatMoney } from '../shared/format/numbers';
import { orgPath } from '../shared/router/router';
import { Link } from '../shared/ui/Link';
import { TableScroll } from '../shared/ui/TableScroll';

/** A contract row (the ContractRowFields fragment), with its provider where the table names it. */
export type ContractRow = ContractRowFieldsFragment & { provider?: { id: string; name: string; names?: OptionalLocalizedText } };

/** Contracts as a table; used by the contracts page and a provider's profile. */
export function ContractTable({ contracts, lang, showProvider, testId, busy }: { contracts: ContractRow[]; lang: Lang; showProvider: boolean; testId: string; busy?: boolean }) {
  const { t } = useTranslation();
  if (!contracts.length && !busy) return <p>{t('contracts.none')}</p>;
  return (
    <TableScroll label={t('contracts.title')}>
      <table className="data-table" data-testid={testId} aria-busy={busy}>
        <thead>
          <tr>
            <th scope="col">{t('contracts.col.awardDate')}</th>
            <th scope="col">{t('contracts.col.title')}</th>
            <th scope="col">{t('contracts.col.authority')}</th>
            {showProvider && <th scope="col">{t('contracts.col.provider')}</th>}
            <th scope="col">{t('contracts.col.categories')}</th>
            <th scope="col">{t('contracts.col.modality')}</th>
            <th scope="col">{t('contracts.col.period')}</th>
            <th scope="col" className="num">
              {t('contracts.col.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {contracts.map((c) => (
            <tr key={c.id} data-contract-id={c.id}>
              <td>{formatDate(c.awardDate, lang) || t('profile.none')}</td>
              <td>
                {c.title || t('profile.none')}
                {c.reference && <span className="muted block">{c.reference}</span>}
              </td>
              <td>{c.authority.name}</td>
              {showProvider && <td>{c.provider ? <Link href={orgPath(c.provider.id)}>{c.provider.names ? <DataText text={c.provider.names} lang={lang} /> : c.provider.name}</Link> : t('profile.none')}</td>}
              <td>{c.categories.map((k) => k.name).join(', ')}</td>
              <td>
                {t(`enum.modality.${c.modality}`, { defaultValue: c.modality })}
                <span className="muted block">{t(`enum.contractStatus.${c.status}`, { defaultValue: c.status })}</span>
              </td>
              <td>
                {c.startDate || c.endDate
                  ? t('profile.validFromUntil', { from: formatDate(c.startDate, lang) || '…', until: formatDate(c.endDate, lang) || '…' })
                  : t('profile.none')}
              </td>
              <td className="num" data-value={c.amount ?? ''}>
                {c.amount == null ? t('profile.none') : formatMoney(c.amount, c.currency, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
