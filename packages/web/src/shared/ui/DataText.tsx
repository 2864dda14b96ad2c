// Data (names, descriptions) in the UI language where the record has it, else in the language it
// has: then marked with `lang`, so that screen readers pronounce it in that language and
// browsers hyphenate and translate it as such (WCAG 3.1.2, language of parts).
import type { ElementType, ReactNode } from 'react';
import { localeTag, localizedIn, type Lang, type OptionalLocalizedText } from '../i18n/lang';

export function DataText({ text, lang, as, className, fallback }: { text: OptionalLocalizedText | null | undefined; lang: Lang; as?: ElementType; className?: string; fallback?: ReactNode }) {
  const shown = localizedIn(text, lang);
  const Tag = as ?? 'span';
  if (!shown) return fallback == null ? null : <Tag className={className}>{fallback}</Tag>;
  if (shown.lang === lang && !as && !className) return <>{shown.text}</>;
  return (
    <Tag className={className} lang={shown.lang === lang ? undefined : localeTag(shown.lang)}>
      {shown.text}
    </Tag>
  );
}
