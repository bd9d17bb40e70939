import { render } from 'preact';
import { startI18n } from '../i18n';
import { I18nProvider } from '../i18n/preact';
import { App } from './App';
import '../desktop/desktop.css';
import './console.css';

// 'desktop' first: it is the default namespace, so the desktop's Login (reused as it is) finds its texts; the
// console's own texts are always asked for as `console:...`.
startI18n(['desktop', 'console', 'conversation']).then((i18n) => {
  document.title = i18n.t('console:title');
  i18n.on('languageChanged', () => (document.title = i18n.t('console:title')));
  render(
    <I18nProvider i18n={i18n}>
      <App />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
