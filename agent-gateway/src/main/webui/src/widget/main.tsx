import { render } from 'preact';
import { LANGUAGES, startI18n } from '../i18n';
import { I18nProvider } from '../i18n/preact';
import { App } from './components/App';
import { focusOnOpen, isEmbedded, readOptions, requestMinimise } from './embedding';
import { initSession } from './session';
import './widget.css';

const options = readOptions(location.search, document.referrer);

Promise.all([startI18n(['widget']), initSession(isEmbedded())]).then(async ([i18n]) => {
  // The host page says which language it is in (data-lang): that wins over the browser's language.
  const hostLanguage = options.language?.toLowerCase().split('-')[0];
  if (hostLanguage && hostLanguage !== i18n.language && (LANGUAGES as readonly string[]).includes(hostLanguage)) {
    await i18n.changeLanguage(hostLanguage);
  }
  if (isEmbedded()) {
    focusOnOpen();
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.defaultPrevented) requestMinimise();
    });
  }
  render(
    <I18nProvider i18n={i18n}>
      <App options={options} />
    </I18nProvider>,
    document.getElementById('app')!,
  );
});
