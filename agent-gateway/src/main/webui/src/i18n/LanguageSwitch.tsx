import { LANGUAGES } from './index';
import { useI18n, useT } from './preact';

/** A labelled select that switches the page's language (remembered for the next visit). */
export function LanguageSwitch() {
  const i18n = useI18n();
  const t = useT();
  return (
    <label class="language-switch">
      <span>{t('common:language.label')}</span>
      <select data-testid="language-select" value={i18n.language} onChange={(e) => i18n.changeLanguage((e.target as HTMLSelectElement).value)}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`common:language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
