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
  const control = <QuestionControl id={id} q={q} a={a} lang={lang} common={common} onChange={onChange} />;
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

type Common = { disabled: boolean; 'aria-invalid': true | undefined; 'aria-describedby': string };

/** The question's control by its type: a number, numbers or shares per option, a choice, several, yes or no, a text. */
function QuestionControl({ id, q, a, lang, common, onChange }: { id: string; q: Question; a: FormAnswer; lang: Lang; common: Common; onChange: (value: FormAnswer) => void }) {
  const { t } = useTranslation();
  switch (q.type) {
    case 'NUMBER':
      return (
        <input id={id} type="number" inputMode={q.integer ? 'numeric' : 'decimal'} min={q.min ?? undefined} max={q.max ?? undefined} step={q.integer ? 1 : 'any'}
          value={a.number ?? ''} required={q.required} onChange={(e) => onChange({ ...a, number: e.target.value })} {...common} />
      );
    case 'NUMBERS':
    case 'SHARES':
      return (
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
    case 'SINGLE_CHOICE':
      return (
        <select id={id} value={a.choice ?? ''} required={q.required} onChange={(e) => onChange({ ...a, choice: e.target.value })} {...common}>
          <option value="">{t('survey.choose')}</option>
          {q.options.map((o) => (
            <option key={o.code} value={o.code}>{localized(o.label, lang)}</option>
          ))}
        </select>
      );
    case 'MULTIPLE_CHOICE':
      return (
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
    case 'YES_NO':
      return (
        <div className="survey-choices survey-yesno">
          {[true, false].map((yes) => (
            <label key={String(yes)}>
              <input type="radio" name={q.code} value={yes ? 'yes' : 'no'} checked={a.yes === yes} onChange={() => onChange({ ...a, yes })} {...common} />
              {t(yes ? 'survey.yes' : 'survey.no')}
            </label>
          ))}
        </div>
      );
    default:
      return <textarea id={id} maxLength={q.maxLength ?? undefined} rows={3} value={a.text ?? ''} onChange={(e) => onChange({ ...a, text: e.target.value })} {...common} />;
  }
}
