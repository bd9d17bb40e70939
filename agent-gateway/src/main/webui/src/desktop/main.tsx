import { render } from 'preact';
import { startI18n } from '../i18n';
import { I18nProvider } from '../i18n/preact';
import { App } from './App';
import './desktop.css';

startI18n(['desktop', 'conversation']).then((i18n) => {
  document.title = i18n.t('desktop:title');
  i18n.on('languageChanged', () => (document.title = i18n.t('desktop:title')));
  render(
    <I18nProvider i18n={i18n}>
      <App />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
