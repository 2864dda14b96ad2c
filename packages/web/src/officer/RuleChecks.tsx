// The conditions of the contractable rule for one provider, as the API checked them
// (Organization.contractability): each one holds or fails, and why, in the UI's language.
import { useTranslation } from 'react-i18next';
import { formatDate } from '../shared/format/format';
import type { Lang } from '../shared/i18n/lang';
import type { RuleCheck } from './contracting';

export function RuleChecks({ checks, on, lang }: { checks: readonly RuleCheck[]; on: string; lang: Lang }) {
  const { t } = useTranslation();
  return (
    <ul className="rule-checks" data-testid="rule-checks" aria-label={t('contracting.ruleChecks')}>
      {checks.map((c) => (
        <li key={c.condition} data-condition={c.condition} data-holds={c.holds} data-reason={c.reason} className={c.holds ? 'rule-holds' : 'rule-fails'}>
          <span aria-hidden="true">{c.holds ? '✓' : '✗'} </span>
          <span className="visually-hidden">{c.holds ? t('contracting.holds') : t('contracting.fails')}: </span>
          <strong>{t(`contracting.condition.${c.condition}`)}</strong>
          {' — '}
          {t(`contracting.reason.${c.reason}`, {
            licence: c.licenceNumber ?? '',
            from: formatDate(c.licenceValidFrom ?? null, lang),
            until: c.licenceValidUntil ? formatDate(c.licenceValidUntil, lang) : t('contracting.openEnded'),
            date: formatDate(on, lang),
          })}
          {c.serviceName ? (
            <>
              {' '}
              {/* The API names the service in Albanian, whatever the UI's language. */}
              “<span lang="sq">{c.serviceName}</span>”
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
