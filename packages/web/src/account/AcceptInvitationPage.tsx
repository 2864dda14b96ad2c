import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { clearQueryCache } from '../shared/api/query';
import { request } from '../shared/api/graphql';
import { paths } from '../shared/router/paths';
import { navigate } from '../shared/router/router';
import { FormErrors, useSubmit } from '../shared/ui/Forms';
import '../shared/ui/signed-in.css';
import type { UserErrorLike } from '../shared/user-errors';
import { Heading } from './Heading';
import { AcceptInvitationMutation } from './operations';

export function AcceptInvitationPage({ search }: { search: string }) {
  const { t } = useTranslation();
  const token = new URLSearchParams(search).get('token') ?? '';
  const [errors, setErrors] = useState<UserErrorLike[]>([]);

  const { busy, submit: accept } = useSubmit(async () => {
    const { acceptInvitation } = await request(AcceptInvitationMutation, { token });
    if (acceptInvitation.userErrors.length || !acceptInvitation.membership) setErrors(acceptInvitation.userErrors);
    else {
      clearQueryCache();
      navigate(paths.edit(acceptInvitation.membership.organization.id));
    }
  }, (error) => setErrors([error]));

  return (
    <section>
      <Heading>{t('account.invitationTitle')}</Heading>
      <FormErrors errors={errors} />
      {token ? (
        <button type="button" onClick={accept} disabled={busy}>
          {t('account.acceptInvitation')}
        </button>
      ) : (
        <p role="alert">{t('account.resetNoToken')}</p>
      )}
    </section>
  );
}
