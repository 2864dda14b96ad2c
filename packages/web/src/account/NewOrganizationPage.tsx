// Registers a new organization (its creator becomes its owner), then opens it in the editor.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_FIELDS, emptyForm, formToInput } from '../editor';
import { clearQueryCache } from '../shared/api/query';
import { request } from '../shared/api/graphql';
import { paths } from '../shared/router/paths';
import { navigate } from '../shared/router/router';
import { FormErrors, SelectField, TextField, setter, useSubmit, type FormState } from '../shared/ui/Forms';
import '../shared/ui/signed-in.css';
import { NO_ERRORS, sortErrors, type SortedErrors } from '../shared/user-errors';
import { Heading } from './Heading';
import { CreateOrganizationMutation } from './operations';

const NEW_ORG_FIELDS = ORGANIZATION_FIELDS.filter((f) => ['names.sq', 'names.sr', 'names.en', 'legalForm', 'registrationNumber', 'registrationDate', 'website', 'email', 'phone'].includes(f.key));

export function NewOrganizationPage() {
  const { t } = useTranslation();
  const formId = useId();
  const [form, setForm] = useState<FormState>(() => emptyForm(NEW_ORG_FIELDS, { legalForm: 'ASSOCIATION' }));
  const [errors, setErrors] = useState<SortedErrors>(NO_ERRORS);
  const set = setter(setForm);
  const keys = NEW_ORG_FIELDS.map((f) => f.key);

  const { busy, submit } = useSubmit(async () => {
    const { input } = formToInput(NEW_ORG_FIELDS, form);
    const { createOrganization } = await request(CreateOrganizationMutation, { input });
    if (createOrganization.userErrors.length || !createOrganization.organization) {
      setErrors(sortErrors(createOrganization.userErrors, keys));
      return;
    }
    clearQueryCache();
    navigate(`${paths.edit(createOrganization.organization.id)}?created=1`);
  }, (error) => setErrors({ ...NO_ERRORS, general: [error] }));

  const text = (key: string, label: string, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField formId={formId} name={key} label={label} value={String(form[key] ?? '')} onChange={set(key)} errors={errors.byField} {...extra} />
  );
  return (
    <section>
      <Heading>{t('account.newOrganizationTitle')}</Heading>
      <p className="hint">{t('account.newOrganizationHint')}</p>
      <form onSubmit={submit} noValidate aria-busy={busy} className="editor-form">
        <FormErrors errors={errors.general} />
        {text('names.sq', t('editor.nameSq'), { required: true })}
        {text('names.sr', t('editor.nameSr'))}
        {text('names.en', t('editor.nameEn'))}
        <SelectField
          formId={formId}
          name="legalForm"
          label={t('profile.legalForm')}
          value={String(form.legalForm)}
          onChange={set('legalForm')}
          errors={errors.byField}
          options={['ASSOCIATION', 'FOUNDATION', 'OTHER'].map((v) => ({ value: v, label: t(`enum.legalForm.${v}`) }))}
        />
        {text('registrationNumber', t('editor.registrationNumber'))}
        {text('registrationDate', t('editor.registrationDate'), { type: 'date' })}
        {text('website', t('profile.website'), { type: 'url', inputMode: 'url' })}
        {text('email', t('profile.email'), { type: 'email' })}
        {text('phone', t('profile.phone'), { type: 'tel' })}
        <button type="submit" disabled={busy}>
          {t('account.createOrganization')}
        </button>
      </form>
    </section>
  );
}
