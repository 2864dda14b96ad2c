// On a public profile: the link to its history, and for a signed-in viewer what they may do with
// the record (edit it, or claim it: a moderator then decides). Asks the API's viewerPermissions,
// so only actions that will work are shown.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ClaimOrganizationMutation, ViewerPermissionsQuery } from './operations';
import { paths } from '../shared/router/paths';
import { request } from '../shared/api/graphql';
import { useGqlQuery } from '../shared/api/query';
import { isModerator, useSession } from '../shared/session';
import { NO_ERRORS, networkError, sortErrors, type SortedErrors } from '../shared/user-errors';
import { Link } from '../shared/ui/Link';

export function ProfileActions({ id }: { id: string }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const q = useGqlQuery(ViewerPermissionsQuery, { id }, { enabled: Boolean(user), fresh: true });
  const perms = user ? q.data?.organization?.viewerPermissions : undefined;
  return (
    <div className="profile-actions" data-testid="profile-actions">
      <Link href={paths.history(id)}>{t('history.link')}</Link>
      {perms?.edit && <Link href={paths.edit(id)}>{t('account.edit')}</Link>}
      {!user && (
        <span className="hint">
          <Link href={paths.signIn(`/org/${encodeURIComponent(id)}`)}>{t('account.signInToClaim')}</Link>
        </span>
      )}
      {isModerator(user) && <Link href={paths.merge(id)}>{t('merge.mergeWith')}</Link>}
      {perms?.claim && <ClaimForm id={id} />}
    </div>
  );
}

function ClaimForm({ id }: { id: string }) {
  const { t } = useTranslation();
  const formId = useId();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState('');
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const { claimOrganization } = await request(ClaimOrganizationMutation, { organizationId: id, message });
      if (claimOrganization.userErrors.length) setErrors(sortErrors(claimOrganization.userErrors, ['message']));
      else setSent(true);
    } catch (err) {
      setErrors({ ...NO_ERRORS, general: [networkError(err)] });
    } finally {
      setBusy(false);
    }
  }

  if (sent)
    return (
      <p role="status" data-testid="claim-sent">
        {t('claim.sent')}
      </p>
    );
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('claim.button')}
      </button>
    );
  const messageError = errors.byField.message;
  const errId = `${formId}-message-error`;
  return (
    <form className="claim-form" onSubmit={submit} noValidate>
      {errors.general.length > 0 && (
        <p role="alert" className="error">
          {errors.general.map((e) => e.message).join(' ')}
        </p>
      )}
      <label htmlFor={`${formId}-message`}>{t('claim.message')}</label>
      <textarea
        id={`${formId}-message`}
        rows={3}
        value={message}
        required
        onChange={(e) => setMessage(e.target.value)}
        aria-invalid={messageError ? true : undefined}
        aria-describedby={messageError ? errId : `${formId}-hint`}
      />
      <p className="hint" id={`${formId}-hint`}>
        {t('claim.hint')}
      </p>
      {messageError && (
        <p className="error" id={errId}>
          {messageError.join(' ')}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('claim.submit')}
      </button>{' '}
      <button type="button" className="link-button" onClick={() => setOpen(false)}>
        {t('editor.cancel')}
      </button>
    </form>
  );
}
