// Test helpers of the pane's tests (imported by *.test.tsx only, never by the app).
import { render } from '@testing-library/preact';
import i18next, { type i18n } from 'i18next';
import type { ComponentChildren } from 'preact';
import { resources } from '../../i18n';
import { I18nProvider } from '../../i18n/preact';

/** An i18next instance with the real translation files, ready at once. */
export function testI18n(language = 'en'): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: resources(),
    lng: language,
    fallbackLng: 'en',
    ns: ['common', 'conversation'],
    defaultNS: 'conversation',
    interpolation: { escapeValue: false },
    initAsync: false,
    showSupportNotice: false,
  });
  return instance;
}

export function renderWithI18n(ui: ComponentChildren, language = 'en') {
  const i18n = testI18n(language);
  const result = render(<I18nProvider i18n={i18n}>{ui}</I18nProvider>);
  return {
    ...result,
    i18n,
    rerender: (next: ComponentChildren) => result.rerender(<I18nProvider i18n={i18n}>{next}</I18nProvider>),
  };
}
