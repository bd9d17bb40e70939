import { render } from 'preact';
import { startI18n } from '../i18n';
import { I18nProvider, useT } from '../i18n/preact';
import { LanguageSwitch } from '../i18n/LanguageSwitch';

function Chat() {
  const t = useT();
  document.title = t('widget:title');
  return (
    <main>
      <h1>{t('widget:title')}</h1>
      <LanguageSwitch />
    </main>
  );
}

startI18n(['widget']).then((i18n) =>
  render(
    <I18nProvider i18n={i18n}>
      <Chat />
    </I18nProvider>,
    document.getElementById('app')!,
  ),
);
