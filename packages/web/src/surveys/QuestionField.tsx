// One question of the survey form, by its type: every control labelled, its errors tied to it.
import { useTranslation } from 'react-i18next';
import { localized, type Lang } from '../shared/i18n/lang';
import { type FormAnswer, type Question, sharesSum } from './survey-form';

interface Props {
  formId: string;
  q: Question;
  value: FormAnswer | undefined;
  errors?: string[];
  lang: Lang;
  disabled: boolean;
  prefilled?: 'registry' | 'previous';
  onChange: (value: FormAnswer) => void;
}

export function QuestionField({ formId, q, value, errors, lang, disabled, prefilled, onChange }: Props) {
  const { t } = useTranslation();
  const id = `${formId}-${q.code}`;
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const invalid = Boolean(errors?.length);
  const describedBy = [invalid ? errorId : '', `${hintId}`].filter(Boolean).join(' ');
  const a = value ?? {};
  const hint = [
    q.unit ? t(`survey.unit.${q.unit}`, { defaultValue: q.unit }) : '',
    q.type === 'SHARES' ? t('survey.sharesHint', { sum: sharesSum(a) ?? 0 }) : '',
    q.private ? t('survey.privateHint') : '',
    prefilled ? t(`survey.prefilled.${prefilled}`) : '',
  ].filter(Boolean).join(' · ');
  const legend = (
    <>
      {localized(q.label, lang)}
      {q.required && <span aria-hidden="true"> *</span>}
    </>
  );
  const common = { disabled, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy };
  let control;
  switch (q.type) {
    case 'NUMBER':
      control = (
        <input id={id} type="number" inputMode={q.integer ? 'numeric' : 'decimal'} min={q.min ?? undefined} max={q.max ?? undefined} step={q.integer ? 1 : 'any'}
          value={a.number ?? ''} required={q.required} onChange={(e) => onChange({ ...a, number: e.target.value })} {...common} />
      );
      break;
    case 'NUMBERS':
    case 'SHARES':
      control = (
        <div className="survey-parts">
          {q.options.map((o) => (
            <label key={o.code} className="survey-part">
              <span>{localized(o.label, lang)}</span>
              <input type="number" inputMode="numeric" min={0} max={q.type === 'SHARES' ? 100 : (q.max ?? undefined)} name={`${q.code}.${o.code}`} data-part={o.code}
                value={a.parts?.[o.code] ?? ''} onChange={(e) => onChange({ ...a, parts: { ...a.parts, [o.code]: e.target.value } })} {...common} />
              {q.type === 'SHARES' && <span aria-hidden="true">%</span>}
            </label>
          ))}
        </div>
      );
      break;
    case 'SINGLE_CHOICE':
      control = (
        <select id={id} value={a.choice ?? ''} required={q.required} onChange={(e) => onChange({ ...a, choice: e.target.value })} {...common}>
          <option value="">{t('survey.choose')}</option>
          {q.options.map((o) => (
            <option key={o.code} value={o.code}>{localized(o.label, lang)}</option>
          ))}
        </select>
      );
      break;
    case 'MULTIPLE_CHOICE':
      control = (
        <div className="survey-choices">
          {q.options.map((o) => {
            const checked = a.choices?.includes(o.code) ?? false;
            return (
              <label key={o.code}>
                <input type="checkbox" name={q.code} value={o.code} checked={checked} {...common}
                  onChange={() => onChange({ ...a, choices: checked ? (a.choices ?? []).filter((c) => c !== o.code) : [...(a.choices ?? []), o.code] })} />
                {localized(o.label, lang)}
              </label>
            );
          })}
        </div>
      );
      break;
    case 'YES_NO':
      control = (
        <div className="survey-choices survey-yesno">
          {[true, false].map((yes) => (
            <label key={String(yes)}>
              <input type="radio" name={q.code} value={yes ? 'yes' : 'no'} checked={a.yes === yes} onChange={() => onChange({ ...a, yes })} {...common} />
              {t(yes ? 'survey.yes' : 'survey.no')}
            </label>
          ))}
        </div>
      );
      break;
    default:
      control = <textarea id={id} maxLength={q.maxLength ?? undefined} rows={3} value={a.text ?? ''} onChange={(e) => onChange({ ...a, text: e.target.value })} {...common} />;
  }
  const grouped = ['NUMBERS', 'SHARES', 'MULTIPLE_CHOICE', 'YES_NO'].includes(q.type);
  return (
    <div className="field survey-question" data-question={q.code}>
      {grouped ? (
        <fieldset aria-describedby={describedBy}>
          <legend>{legend}</legend>
          {control}
        </fieldset>
      ) : (
        <>
          <label htmlFor={id}>{legend}</label>
          {control}
        </>
      )}
      <p className="hint" id={hintId}>{hint}</p>
      {invalid && (
        <p className="field-error error" id={errorId} data-field-error={q.code} role="alert">
          {errors!.join(' ')}
        </p>
      )}
    </div>
  );
}
