import { LICENCE_FIELDS, licenceToForm } from './editor-forms';
import { EditorForm, savePart, useEditorForm } from './entity-form';
import { CreateLicenceMutation, UpdateLicenceMutation } from './operations';
import { SaveRow } from './parts';
import type { Lic, Org } from './types';

/** A licence (new without `licence`); a moderator verifies it afterwards. */
export function LicenceForm({ org, licence, onSaved, onReload }: { org: Org; licence?: Lic; onSaved: () => void; onReload: () => void }) {
  const f = useEditorForm(LICENCE_FIELDS, licence, licenceToForm, savePart(org, licence, CreateLicenceMutation, UpdateLicenceMutation), onSaved);
  const { t, o, text, multi } = f;
  return (
    <EditorForm f={f} testId="licence-form" onReload={onReload}>
      {text('number', t('editor.licenceNumber'), { required: true })}
      {text('authority', t('profile.authority'), { required: true })}
      {text('validFrom', t('editor.validFrom'), { type: 'date', required: true })}
      {text('validUntil', t('editor.validUntil'), { type: 'date', hint: t('editor.validUntilHint') })}
      {text('documentReference', t('editor.documentReference'))}
      {multi('categories', t('profile.categories'), o.categories)}
      <SaveRow busy={f.busy} saved={f.saved} label={licence ? t('editor.save') : t('editor.create')} />
    </EditorForm>
  );
}
