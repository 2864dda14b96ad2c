import { useTranslation } from 'react-i18next';
import { TextField, type FieldErrors } from '../shared/ui/Forms';

/** A password box; a new one states the API's rule and lets a password manager suggest one. */
export function PasswordField(props: { formId: string; name: string; label: string; isNew?: boolean; value: string; onChange: (v: string) => void; errors: FieldErrors }) {
  const { t } = useTranslation();
  const { isNew, ...field } = props;
  return <TextField {...field} type="password" autoComplete={isNew ? 'new-password' : 'current-password'} hint={isNew ? t('account.passwordRule') : undefined} required />;
}
