import { errorId } from '../shared/user-errors';
import { LOCATION_FIELDS, formPoint, locationToForm, roundCoord } from './editor-forms';
import { EditorForm, savePart, useEditorForm } from './entity-form';
import { LocationPicker, type LatLng } from './LocationPicker';
import { CreateLocationMutation, UpdateLocationMutation } from './operations';
import { DeleteButton, SaveRow } from './parts';
import { useSitePlace } from './use-site-place';
import type { Loc, Org } from './types';

const KOSOVO = { lat: 42.6, lng: 20.9 };

/**
 * A site (new without `location`), its point picked on the map or typed. A picked point sets the
 * municipality from the polygon it lies in (the API's municipalityAt, the rule the save checks);
 * choosing a municipality, or typing an address that names one, moves the map there.
 */
export function LocationForm({ org, location, onSaved, onReload }: { org: Org; location?: Loc; onSaved: () => void; onReload: () => void }) {
  const f = useEditorForm(LOCATION_FIELDS, location, locationToForm, savePart(org, location, CreateLocationMutation, UpdateLocationMutation), onSaved);
  const { t, o, text, select, formId } = f;
  const point = formPoint(f.form);
  const municipality = String(f.form.municipality ?? '');
  const fallback = o.seat(municipality) ?? KOSOVO;
  const pointErrors = [...(f.errors.byField.lat ?? []), ...(f.errors.byField.lng ?? []), ...(f.errors.byField.municipality ?? [])];
  const nameOf = (code: string) => o.municipalities.find((m) => m.value === code)?.label ?? code;

  const pick = (p: LatLng) => f.setForm((s) => ({ ...s, lat: roundCoord(p.lat), lng: roundCoord(p.lng) }));
  const { pointIn, centre } = useSitePlace({
    point,
    municipality,
    address: String(f.form.address ?? ''),
    existing: Boolean(location),
    seatOf: o.seat,
    setMunicipality: (code) => f.setForm((s) => ({ ...s, municipality: code })),
  });

  const note = pointIn
    ? pointIn.code == null
      ? t('editor.pointOutside')
      : pointIn.code === municipality
        ? t('editor.pointMunicipalitySet', { name: nameOf(pointIn.code) })
        : t('editor.pointIn', { name: nameOf(pointIn.code) })
    : '';
  return (
    <EditorForm f={f} testId="location-form" onReload={onReload}>
      {text('name', t('editor.siteName'))}
      {text('address', t('editor.address'))}
      {select('municipality', t('filters.municipality'), o.municipalities, location ? undefined : '—')}
      <div className="field">
        <p className="hint" id={`${formId}-picker-hint`}>
          {t('editor.pickerHint')}
        </p>
        <LocationPicker
          point={point}
          fallback={fallback}
          centre={centre}
          label={t('editor.picker')}
          describedBy={[`${formId}-picker-hint`, `${formId}-point-in`, pointErrors.length ? errorId(formId, 'lat') : ''].filter(Boolean).join(' ')}
          onPick={pick}
        />
        <p className="hint point-in" id={`${formId}-point-in`} aria-live="polite" data-testid="point-municipality" data-code={pointIn?.code ?? ''}>
          {note}
        </p>
      </div>
      <div className="field-row">
        {text('lat', t('editor.lat'), { inputMode: 'decimal' })}
        {text('lng', t('editor.lng'), { inputMode: 'decimal' })}
      </div>
      {text('openingHours', t('profile.openingHours'))}
      {text('accessibility', t('profile.accessibility'))}
      <SaveRow busy={f.busy} saved={f.saved} label={location ? t('editor.save') : t('editor.create')}>
        {location && <DeleteButton kind="location" id={location.id} version={location.version} onDeleted={onSaved} onErrors={f.setErrors} />}
      </SaveRow>
    </EditorForm>
  );
}
