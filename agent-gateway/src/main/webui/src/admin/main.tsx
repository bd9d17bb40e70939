import { render } from 'preact';
import { startI18n } from '../i18n';
import { I18nProvider } from '../i18n/preact';
import { AdminApp } from './AdminApp';
import '../desktop/desktop.css';
import '../desktop/conversation/conversation.css';
import './admin.css';

// 'desktop' first: the shared login screen reads its own keys unprefixed; the console's are admin:...
startI18n(['desktop', 'admin']).then((i18n) => {
  document.title = i18n.t('admin:title');
  i18n.on('languageChanged', () => (document.title = i18n.t('admin:title')));
  render(
    <I18nProvider i18n={i18n}>
      <AdminApp />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
