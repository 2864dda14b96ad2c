import { request } from '../shared/api/graphql';
import { ORGANIZATION_FIELDS, organizationToForm } from './editor-forms';
import { EditorForm, useEditorForm } from './entity-form';
import { UpdateOrganizationMutation } from './operations';
import { SaveRow } from './parts';
import type { Org } from './types';

/** The organization's own fields: names, descriptions, registration, contacts. */
export function ProfileForm({ org, onSaved, onReload }: { org: Org; onSaved: () => void; onReload: () => void }) {
  const f = useEditorForm(
    ORGANIZATION_FIELDS,
    org,
    organizationToForm,
    async (input) => (await request(UpdateOrganizationMutation, { input: { ...input, id: org.id, version: org.version } })).updateOrganization,
    onSaved,
  );
  const { t, o, text, select, localized } = f;
  return (
    <EditorForm f={f} testId="profile-form" onReload={onReload}>
      <fieldset>
        <legend>{t('editor.names')}</legend>
        {localized('names')}
        {text('acronym', t('editor.acronym'))}
      </fieldset>
      <fieldset>
        <legend>{t('editor.descriptions')}</legend>
        {localized('descriptions')}
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
    </EditorForm>
  );
}
