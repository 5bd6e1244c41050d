import { useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '@/lib/i18n';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const queryClient = useQueryClient();
  return (
    <div className="lang-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" className="lang-switcher__icon">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M3 12h18M12 3c2.5 2.7 3.8 5.7 3.8 9s-1.3 6.3-3.8 9c-2.5-2.7-3.8-5.7-3.8-9S9.5 5.7 12 3z" fill="none" stroke="currentColor" strokeWidth="1.8" />
      </svg>
      <select
        id={id}
        className="lang-switcher__select"
        value={i18n.language}
        // Questions follow the interface language for learners who chose so: fetch them again in it.
        onChange={(e) => void setLanguage(e.target.value as Language).then(() => queryClient.invalidateQueries())}
        data-testid="language-switcher"
      >
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}
