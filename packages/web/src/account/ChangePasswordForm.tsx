import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { FormErrors, setter, useSubmit, type FormState } from '../shared/ui/Forms';
import { NO_ERRORS, sortErrors, type SortedErrors } from '../shared/user-errors';
import { ChangePasswordMutation } from './operations';
import { PasswordField } from './PasswordField';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const formId = useId();
  const [form, setForm] = useState<FormState>({ currentPassword: '', newPassword: '' });
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);
  const set = setter(setForm);

  const { busy, submit } = useSubmit(async () => {
    setDone(false);
    const { changePassword } = await request(ChangePasswordMutation, { currentPassword: String(form.currentPassword), newPassword: String(form.newPassword) });
    setErrors(sortErrors(changePassword.userErrors, ['currentPassword', 'newPassword']));
    if (!changePassword.userErrors.length && changePassword.ok) {
      setDone(true);
      setForm({ currentPassword: '', newPassword: '' });
    }
  }, (error) => setErrors({ ...NO_ERRORS, general: [error] }));

  return (
    <details className="change-password">
      <summary>{t('account.changePassword')}</summary>
      <form onSubmit={submit} noValidate aria-busy={busy} className="auth-form">
        <FormErrors errors={errors.general} />
        <PasswordField formId={formId} name="currentPassword" label={t('account.currentPassword')} value={String(form.currentPassword)} onChange={set('currentPassword')} errors={errors.byField} />
        <PasswordField formId={formId} name="newPassword" label={t('account.newPassword')} isNew value={String(form.newPassword)} onChange={set('newPassword')} errors={errors.byField} />
        <button type="submit" disabled={busy}>
          {t('account.changePassword')}
        </button>
        <p role="status">{done ? t('account.passwordChanged') : ''}</p>
      </form>
    </details>
  );
}
