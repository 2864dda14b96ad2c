// One item of the moderators' queue: what it is about, and the decision (approve, or reject with a
// reason, which stays in the revision).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VerificationQueueQuery as QueueResult } from '../gql/graphql';
import { DecideClaimMutation, VerifyOrganizationMutation } from './operations';
import { paths } from '../shared/router/paths';
import { formatDate } from '../shared/format/format';
import { request } from '../shared/api/graphql';
import type { Lang } from '../shared/i18n/lang';
import { orgPath } from '../shared/router/router';
import { NO_ERRORS, errorId, networkError, sortErrors, type SortedErrors } from '../shared/user-errors';
import { FormErrors } from '../shared/ui/Forms';
import { Link } from '../shared/ui/Link';

export type Item = QueueResult['verificationQueue']['edges'][number]['node'];

export function itemKey(item: Item): string {
  return `${item.kind}:${item.claim?.id ?? item.licence?.id ?? item.organization.id}`;
}

export function QueueItem({ item, lang, onDone, headingRef }: { item: Item; lang: Lang; onDone: () => void; headingRef?: (el: HTMLHeadingElement | null) => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const reasonError = errors.byField.reason;

  async function decide(approve: boolean) {
    if (!approve && !reason.trim()) {
      setErrors({ ...NO_ERRORS, byField: { reason: [t('moderation.reasonRequired')] } });
      document.getElementById(`${formId}-reason`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const r = item.claim
        ? (await request(DecideClaimMutation, { claimId: item.claim.id, approve, reason: reason.trim() || null })).decideClaim
        : (await request(VerifyOrganizationMutation, { id: item.organization.id, version: item.organization.version, approve, reason: reason.trim() || null }))
            .verifyOrganization;
      const sorted = sortErrors(r.userErrors, ['reason']);
      setErrors(sorted);
      if (!r.userErrors.length || sorted.stale) onDone();
    } catch (err) {
      setErrors({ ...NO_ERRORS, general: [networkError(err)] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card queue-item" data-kind={item.kind} data-org-id={item.organization.id} data-claim-id={item.claim?.id}>
      <QueueItemFacts item={item} lang={lang} headingRef={headingRef} />
      <FormErrors errors={errors.general} />
      {errors.stale && <p role="alert">{t('moderation.stale')}</p>}
      <div className="field">
        <label htmlFor={`${formId}-reason`}>{t('moderation.reason')}</label>
        <textarea
          id={`${formId}-reason`}
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? errorId(formId, 'reason') : `${formId}-reason-hint`}
        />
        <p className="hint" id={`${formId}-reason-hint`}>
          {t('moderation.reasonHint')}
        </p>
        {reasonError && (
          <p className="field-error error" id={errorId(formId, 'reason')}>
            {reasonError.join(' ')}
          </p>
        )}
      </div>
      <div className="save-row">
        <button type="button" onClick={() => decide(true)} disabled={busy}>
          {t('moderation.approve')}
        </button>
        <button type="button" className="danger" onClick={() => decide(false)} disabled={busy}>
          {t('moderation.reject')}
        </button>
      </div>
    </li>
  );
}

/** What the item is about: the organization, since when, and the claim's message or the licence. */
function QueueItemFacts({ item, lang, headingRef }: { item: Item; lang: Lang; headingRef?: (el: HTMLHeadingElement | null) => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h2 className="card-title" ref={headingRef} tabIndex={-1}>
        {t(`moderation.kind.${item.kind}`, { defaultValue: item.kind })}: <Link href={orgPath(item.organization.id)}>{item.organization.name}</Link>
      </h2>
      <p className="muted">
        {t('moderation.since', { date: formatDate(item.since, lang) })}
        {item.organization.registrationNumber ? ` · ${t('editor.registrationNumber')}: ${item.organization.registrationNumber}` : ''} ·{' '}
        <Link href={paths.history(item.organization.id)}>{t('history.link')}</Link>
      </p>
      {item.claim && (
        <blockquote className="claim-message">
          <p>
            <strong>{item.claim.claimant.displayName}</strong>: {item.claim.message}
          </p>
        </blockquote>
      )}
      {item.licence && (
        <p>
          {t('profile.licenceNumber', { number: item.licence.number })} · {item.licence.authority} ·{' '}
          {item.licence.validUntil
            ? t('profile.validFromUntil', { from: formatDate(item.licence.validFrom, lang), until: formatDate(item.licence.validUntil, lang) })
            : t('profile.validFromOpen', { from: formatDate(item.licence.validFrom, lang) })}
        </p>
      )}
    </>
  );
}
