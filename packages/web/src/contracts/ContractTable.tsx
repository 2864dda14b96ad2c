import { useTranslation } from 'react-i18next';
import type { ContractRowFieldsFragment } from '../gql/graphql';
import { formatDate } from '../shared/format/format';
import type { Lang, OptionalLocalizedText } from '../shared/i18n/lang';
import { DataText } from '../shared/ui/DataText';
import { formatMoney } from '../shared/format/numbers';
import { orgPath } from '../shared/router/router';
import { Link } from '../shared/ui/Link';
import { TableHead, TableScroll } from '../shared/ui/TableScroll';

/** A contract row (the ContractRowFields fragment), with its provider where the table names it. */
export type ContractRow = ContractRowFieldsFragment & { provider?: { id: string; name: string; names?: OptionalLocalizedText } };

/** Contracts as a table; used by the contracts page and a provider's profile. */
export function ContractTable({ contracts, lang, showProvider, testId, busy }: { contracts: ContractRow[]; lang: Lang; showProvider: boolean; testId: string; busy?: boolean }) {
  const { t } = useTranslation();
  if (!contracts.length && !busy) return <p>{t('contracts.none')}</p>;
  return (
    <TableScroll label={t('contracts.title')}>
      <table className="data-table" data-testid={testId} aria-busy={busy}>
        <TableHead
          columns={[
            { label: t('contracts.col.awardDate') },
            { label: t('contracts.col.title') },
            { label: t('contracts.col.authority') },
            showProvider && { label: t('contracts.col.provider') },
            { label: t('contracts.col.categories') },
            { label: t('contracts.col.modality') },
            { label: t('contracts.col.period') },
            { label: t('contracts.col.amount'), num: true },
          ]}
        />
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
