// The organization's members (remove one, or leave) and the invitation of a new one by email.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { clearQueryCache } from '../shared/api/query';
import { paths } from '../shared/router/paths';
import { navigate } from '../shared/router/router';
import { useSession } from '../shared/session';
import { FormErrors, SelectField, TextField } from '../shared/ui/Forms';
import { NO_ERRORS, networkError, sortErrors, type SortedErrors, type UserErrorLike } from '../shared/user-errors';
import { InviteMemberMutation, RemoveMemberMutation } from './operations';
import type { Org } from './types';

export function Members({ org, onChanged }: { org: Org; onChanged: () => void }) {
  const { t } = useTranslation();
  const me = useSession().user;
  const [errors, setErrors] = useState<UserErrorLike[]>([]);
  async function remove(userId: string) {
    try {
      const { removeMember } = await request(RemoveMemberMutation, { organizationId: org.id, userId });
      setErrors(removeMember.userErrors);
      if (!removeMember.userErrors.length) {
        clearQueryCache();
        if (userId === me?.id) navigate(paths.me);
        else onChanged();
      }
    } catch (err) {
      setErrors([networkError(err)]);
    }
  }
  return (
    <>
      <FormErrors errors={errors} />
      <ul className="member-list" data-testid="members">
        {org.members.map((m) => (
          <li key={m.id} data-user-id={m.user.id}>
            {m.user.displayName} — {t(`account.role.${m.role}`, { defaultValue: m.role })}{' '}
            {(org.viewerPermissions.invite || m.user.id === me?.id) && (
              <button type="button" className="link-button" onClick={() => remove(m.user.id)}>
                {m.user.id === me?.id ? t('editor.leave') : t('editor.removeMember', { name: m.user.displayName })}
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function InviteForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const formId = useId();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('EDITOR');
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const [sent, setSent] = useState('');
  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const { inviteMember } = await request(InviteMemberMutation, { input: { organizationId: orgId, email, role: role as 'EDITOR' | 'OWNER' } });
      setErrors(sortErrors(inviteMember.userErrors, ['email', 'role']));
      if (!inviteMember.userErrors.length) {
        setSent(email);
        setEmail('');
      }
    } catch (err) {
      setErrors({ ...NO_ERRORS, general: [networkError(err)] });
    }
  }
  return (
    <form onSubmit={submit} noValidate className="editor-form">
      <FormErrors errors={errors.general} />
      <TextField formId={formId} name="email" type="email" label={t('account.email')} value={email} onChange={setEmail} errors={errors.byField} required />
      <SelectField
        formId={formId}
        name="role"
        label={t('editor.memberRole')}
        value={role}
        onChange={setRole}
        errors={errors.byField}
        options={['EDITOR', 'OWNER'].map((r) => ({ value: r, label: t(`account.role.${r}`) }))}
      />
      <button type="submit">{t('editor.invite')}</button>
      <span role="status">{sent ? t('editor.invited', { email: sent }) : ''}</span>
    </form>
  );
}
