import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { FormErrors, StaleNotice } from '../shared/ui/Forms';
import { ORGANIZATION_FIELDS, organizationToForm } from './editor-forms';
import { fieldsOf, useEntityForm } from './entity-form';
import { UpdateOrganizationMutation } from './operations';
import { useOptions } from './options';
import { SaveRow } from './parts';
import type { Org } from './types';

/** The organization's own fields: names, descriptions, registration, contacts. */
export function ProfileForm({ org, onSaved, onReload }: { org: Org; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const o = useOptions();
  const initial = useMemo(() => organizationToForm(org), [org]);
  const f = useEntityForm(
    ORGANIZATION_FIELDS,
    initial,
    async (input) => (await request(UpdateOrganizationMutation, { input: { ...input, id: org.id, version: org.version } })).updateOrganization,
    onSaved,
  );
  const { text, select } = fieldsOf(formId, f);
  return (
    <form onSubmit={f.submit} noValidate className="editor-form" data-testid="profile-form">
      {f.errors.stale && <StaleNotice onReload={onReload} />}
      <FormErrors errors={f.errors.general} />
      <fieldset>
        <legend>{t('editor.names')}</legend>
        {text('names.sq', t('editor.nameSq'), { required: true })}
        {text('names.sr', t('editor.nameSr'))}
        {text('names.en', t('editor.nameEn'))}
        {text('acronym', t('editor.acronym'))}
      </fieldset>
      <fieldset>
        <legend>{t('editor.descriptions')}</legend>
        {text('descriptions.sq', t('editor.descriptionSq'), { multiline: true })}
        {text('descriptions.sr', t('editor.descriptionSr'), { multiline: true })}
        {text('descriptions.en', t('editor.descriptionEn'), { multiline: true })}
      </fieldset>
      <fieldset>
        <legend>{t('editor.registration')}</legend>
        {select('legalForm', t('profile.legalForm'), o.legalForm)}
        {text('registrationNumber', t('editor.registrationNumber'), { hint: t('editor.verificationResetHint') })}
        {text('registrationDate', t('editor.registrationDate'), { type: 'date' })}
        {text('yearFounded', t('profile.founded'), { inputMode: 'numeric' })}
        {select('status', t('profile.status'), o.status)}
      </fieldset>
      <fieldset>
        <legend>{t('profile.contacts')}</legend>
        {text('website', t('profile.website'), { type: 'url', inputMode: 'url' })}
        {text('email', t('profile.email'), { type: 'email' })}
        {text('phone', t('profile.phone'), { type: 'tel' })}
        {text('staffCount', t('profile.staff'), { inputMode: 'numeric' })}
        {text('volunteerCount', t('profile.volunteers'), { inputMode: 'numeric' })}
      </fieldset>
      <SaveRow busy={f.busy} saved={f.saved} label={t('editor.save')} />
    </form>
  );
}
