// How the /chat/ page learns its options from the loader (query parameters of the iframe's URL) and talks back to
// the host page (postMessage to the parent, read by src/loader/widget-loader.ts).

export interface WidgetOptions {
  queueId: string;
  /** The host page's language (data-lang), null to use the browser's. */
  language: string | null;
  /** The page the chat was started from, kept as a chat attribute for the agent. */
  pageUrl: string | null;
}

export const DEFAULT_QUEUE = 'support';
export const MESSAGE_SOURCE = 'livechat-widget';

export function readOptions(search: string, referrer: string): WidgetOptions {
  const params = new URLSearchParams(search);
  return {
    queueId: params.get('queue') || DEFAULT_QUEUE,
    language: params.get('lang'),
    pageUrl: params.get('page') || referrer || null,
  };
}

export function isEmbedded(): boolean {
  return window.parent !== window;
}

/** Asks the loader to minimise the chat (the launcher button takes the focus back). */
export function requestMinimise(): void {
  window.parent.postMessage({ source: MESSAGE_SOURCE, type: 'minimise' }, '*');
}

/** When the loader opens the panel, the focus goes to where the customer types: the name field or the message box. */
export function focusOnOpen(): void {
  window.addEventListener('message', (event) => {
    if (event.source !== window.parent || event.data?.source !== MESSAGE_SOURCE || event.data.type !== 'opened') return;
    document.querySelector<HTMLElement>('#prechat-name, #chat-input, [data-testid=chat-new]')?.focus();
  });
}
