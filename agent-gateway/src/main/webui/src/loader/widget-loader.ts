// The embed script. One tag on any page:
//   <script src="https://<gateway>/widget.js" data-queue="support" data-lang="fr" async></script>
// adds a launcher button that opens the customer chat (/chat/ of the same gateway) in an iframe. Both live in a
// shadow root attached to one host element, so the page's CSS reaches neither and ours does not leak out.
// Options (data-attributes of the script tag): data-queue (queue id, default "support"), data-lang ("en" or "fr";
// default the browser's language).
import { initialLanguage } from '../i18n/languages';
import { launcherLabels, OPEN_STATE_KEY, SESSION_PREFIX } from './options';

const script = document.currentScript as HTMLScriptElement | null;
const gatewayOrigin = script?.src ? new URL(script.src).origin : window.location.origin;
const queueId = script?.dataset.queue || 'support';
const language = initialLanguage(script?.dataset.lang ?? null, navigator.languages ?? [navigator.language]);
const labels = launcherLabels(language);

const STYLE = `
  :host { all: initial; }
  .launcher {
    position: fixed; right: 16px; bottom: 16px; z-index: 2147483647;
    min-width: 56px; height: 56px; padding: 0 18px; border: 0; border-radius: 28px;
    background: #0b5cad; color: #fff; font: 600 15px/1 system-ui, sans-serif; cursor: pointer;
    box-shadow: 0 4px 14px rgb(0 0 0 / 30%);
  }
  .launcher:focus-visible { outline: 3px solid #1f2328; outline-offset: 3px; }
  iframe {
    position: fixed; right: 16px; bottom: 84px; z-index: 2147483647;
    width: min(380px, calc(100vw - 32px)); height: min(600px, calc(100vh - 100px));
    border: 0; border-radius: 12px; background: #fff; box-shadow: 0 8px 28px rgb(0 0 0 / 30%);
  }
  iframe[hidden] { display: none; }
`;

function mount() {
  const host = document.createElement('div');
  host.setAttribute('data-livechat-host', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE;

  const launcher = document.createElement('button');
  launcher.type = 'button';
  launcher.className = 'launcher';
  launcher.setAttribute('data-testid', 'widget-launcher');
  launcher.setAttribute('aria-controls', 'livechat-frame');

  // The chat page loads with the host page, hidden, so that the launcher opens it at once.
  const frame = document.createElement('iframe');
  frame.id = 'livechat-frame';
  frame.title = labels.frameTitle;
  frame.hidden = true;
  frame.setAttribute('data-livechat-widget', '');
  const params = new URLSearchParams({ queue: queueId, page: window.location.href.slice(0, 1000) });
  if (script?.dataset.lang) params.set('lang', language);
  frame.src = `${gatewayOrigin}/chat/?${params}`;
  const isOpen = () => !frame.hidden;

  const render = () => {
    const open = isOpen();
    launcher.textContent = open ? labels.close : labels.open;
    launcher.setAttribute('aria-expanded', String(open));
  };
  const open = () => {
    frame.hidden = false;
    frame.focus();
    frame.contentWindow?.postMessage({ source: 'livechat-widget', type: 'opened' }, gatewayOrigin);
    remember(true);
    render();
  };
  const minimise = () => {
    frame.hidden = true;
    remember(false);
    render();
    launcher.focus();
  };

  launcher.addEventListener('click', () => (isOpen() ? minimise() : open()));
  window.addEventListener('message', (event) => {
    if (event.origin !== gatewayOrigin || event.source !== frame.contentWindow) return;
    if (event.data?.source !== 'livechat-widget') return;
    if (event.data.type === 'minimise') minimise();
    if (event.data.type === 'ready') {
      frame.contentWindow?.postMessage({ source: 'livechat-widget', type: 'session', values: readSession() }, gatewayOrigin);
    }
    if (event.data.type === 'store') writeSession(event.data.key, event.data.value);
  });

  root.append(style, frame, launcher);
  document.body.appendChild(host);
  render();
  // A chat left open stays open across the host page's reloads (the chat itself resumes inside the iframe).
  if (recall()) open();
}

// The chat's session (its id and token, the draft, the messages not sent yet) kept for the iframe in this page's sessionStorage: a
// third-party iframe's own storage is refused or partitioned by browsers (see src/widget/session.ts).
const SESSION_KEYS = ['chat', 'draft', 'pending'];

function readSession(): Record<string, string> {
  const values: Record<string, string> = {};
  try {
    for (const key of SESSION_KEYS) {
      const value = window.sessionStorage.getItem(`${SESSION_PREFIX}${key}`);
      if (value !== null) values[key] = value;
    }
  } catch {
    // storage refused by the host page's settings: the chat starts afresh
  }
  return values;
}

function writeSession(key: unknown, value: unknown) {
  if (typeof key !== 'string' || !SESSION_KEYS.includes(key)) return;
  try {
    if (typeof value === 'string') window.sessionStorage.setItem(`${SESSION_PREFIX}${key}`, value);
    else window.sessionStorage.removeItem(`${SESSION_PREFIX}${key}`);
  } catch {
    // as above
  }
}

function remember(open: boolean) {
  try {
    window.sessionStorage.setItem(OPEN_STATE_KEY, open ? 'open' : 'closed');
  } catch {
    // storage refused by the host page's settings: the panel just starts closed after a reload
  }
}

function recall(): boolean {
  try {
    return window.sessionStorage.getItem(OPEN_STATE_KEY) === 'open';
  } catch {
    return false;
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
