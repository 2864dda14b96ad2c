import { useEffect, useRef, useState } from 'react';
import { request } from '../shared/api/graphql';
import { useGqlQuery } from '../shared/api/query';
import { BaseMapQuery } from '../shared/map/boundaries';
import { errorId } from '../shared/user-errors';
import { LOCATION_FIELDS, formPoint, locationToForm, roundCoord } from './editor-forms';
import { EditorForm, savePart, useEditorForm } from './entity-form';
import { LocationPicker, type LatLng } from './LocationPicker';
import { CreateLocationMutation, UpdateLocationMutation } from './operations';
import { DeleteButton, SaveRow } from './parts';
import { MunicipalityAtQuery, municipalityInText } from './site-point';
import type { Loc, Org } from './types';

const KOSOVO = { lat: 42.6, lng: 20.9 };

type Centre = LatLng & { seq: number };

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
  const names = useGqlQuery(BaseMapQuery, {}).data?.municipalities;
  const nameOf = (code: string) => o.municipalities.find((m) => m.value === code)?.label ?? code;

  // the municipality of the point (null: outside every municipality) once it moved, by a click, a drag or typing
  const [pointIn, setPointIn] = useState<{ code: string | null } | null>(null);
  const [centre, setCentre] = useState<Centre | null>(null);
  const pick = (p: LatLng) => f.setForm((s) => ({ ...s, lat: roundCoord(p.lat), lng: roundCoord(p.lng) }));
  const pointKey = point ? `${point.lat},${point.lng}` : '';
  const firstPoint = useRef(pointKey);
  useEffect(() => {
    if (!point || pointKey === firstPoint.current) return;
    firstPoint.current = '';
    let live = true;
    const timer = setTimeout(() => {
      request(MunicipalityAtQuery, { lat: point.lat, lng: point.lng })
        .then((r) => {
          if (!live) return;
          const code = r.municipalityAt?.code ?? null;
          setPointIn({ code });
          if (code) f.setForm((s) => ({ ...s, municipality: code }));
        })
        .catch(() => undefined); // the save still checks the point; the select stays the editor's choice
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [pointKey]); // eslint-disable-line react-hooks/exhaustive-deps

  // a municipality chosen in the select (not set by a pick) moves the map to its seat
  const lastMunicipality = useRef(municipality);
  useEffect(() => {
    if (municipality === lastMunicipality.current) return;
    lastMunicipality.current = municipality;
    const seat = o.seat(municipality);
    if (seat && municipality !== pointIn?.code) setCentre({ ...seat, seq: Date.now() });
  }, [municipality]); // eslint-disable-line react-hooks/exhaustive-deps

  // an address that names a municipality moves the map there (after the typing pauses)
  const address = String(f.form.address ?? '');
  const lastAddressPlace = useRef<string | null>(names && location ? municipalityInText(address, names) : null);
  useEffect(() => {
    if (!names) return;
    const timer = setTimeout(() => {
      const code = municipalityInText(address, names);
      if (code === lastAddressPlace.current) return;
      lastAddressPlace.current = code;
      const seat = code ? o.seat(code) : null;
      if (seat) setCentre({ ...seat, seq: Date.now() });
    }, 400);
    return () => clearTimeout(timer);
  }, [address, names]); // eslint-disable-line react-hooks/exhaustive-deps

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
