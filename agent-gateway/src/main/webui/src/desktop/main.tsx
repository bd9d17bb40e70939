import { render } from 'preact';
import { startI18n } from '../i18n';
import { I18nProvider, useT } from '../i18n/preact';
import { LanguageSwitch } from '../i18n/LanguageSwitch';

function Desktop() {
  const t = useT();
  document.title = t('desktop:title');
  return (
    <main>
      <h1>{t('desktop:title')}</h1>
      <LanguageSwitch />
    </main>
  );
}

startI18n(['desktop']).then((i18n) =>
  render(
    <I18nProvider i18n={i18n}>
      <Desktop />
    </I18nProvider>,
    document.getElementById('app')!,
  ),
);
