import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../shared/api/graphql';
import { FormErrors, StaleNotice } from '../shared/ui/Forms';
import { LICENCE_FIELDS, licenceToForm } from './editor-forms';
import { fieldsOf, useEntityForm } from './entity-form';
import { CreateLicenceMutation, UpdateLicenceMutation } from './operations';
import { useOptions } from './options';
import { SaveRow } from './parts';
import type { Lic, Org } from './types';

/** A licence (new without `licence`); a moderator verifies it afterwards. */
export function LicenceForm({ org, licence, onSaved, onReload }: { org: Org; licence?: Lic; onSaved: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const formId = useId();
  const o = useOptions();
  const initial = useMemo(() => (licence ? licenceToForm(licence) : undefined), [licence]);
  const f = useEntityForm(
    LICENCE_FIELDS,
    initial,
    async (input) =>
      licence
        ? (await request(UpdateLicenceMutation, { input: { ...input, id: licence.id, version: licence.version } })).updateLicence
        : (await request(CreateLicenceMutation, { input: { ...input, organizationId: org.id } })).createLicence,
    onSaved,
  );
  const { text, multi } = fieldsOf(formId, f);
  return (
    <form onSubmit={f.submit} noValidate className="editor-form" data-testid="licence-form">
      {f.errors.stale && <StaleNotice onReload={onReload} />}
      <FormErrors errors={f.errors.general} />
      {text('number', t('editor.licenceNumber'), { required: true })}
      {text('authority', t('profile.authority'), { required: true })}
      {text('validFrom', t('editor.validFrom'), { type: 'date', required: true })}
      {text('validUntil', t('editor.validUntil'), { type: 'date', hint: t('editor.validUntilHint') })}
      {text('documentReference', t('editor.documentReference'))}
      {multi('categories', t('profile.categories'), o.categories)}
      <SaveRow busy={f.busy} saved={f.saved} label={licence ? t('editor.save') : t('editor.create')} />
    </form>
  );
}
