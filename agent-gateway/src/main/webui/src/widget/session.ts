// The open chat survives a reload of the host page: its id and customer token (the draft, the messages not sent yet) are kept in
// sessionStorage: this tab only, gone when the tab closes. Embedded, that is the HOST page's sessionStorage, which
// the loader reads and writes for the iframe over postMessage: browsers refuse or partition storage in a
// third-party iframe (Chromium here denies it outright), while the host page's own storage always works. The host
// page can read the token then; it is the site that embeds the chat, and the token opens only this one chat.
// Standalone (/chat/ opened as a page), the page's own sessionStorage.
import { MESSAGE_SOURCE } from './embedding';
import { parsePending, serialisePending, type PendingMessage } from '../shared/pendingMessages';

export interface StoredChat {
  conversationId: string;
  token: string;
  customerName: string;
  /** The e-mail of the pre-chat form: prefills the message form if the maximum wait ends the chat (absent before). */
  contact?: string;
}

/** The keys the loader accepts (it stores them as `livechat.widget.<key>` on the host page). */
export type SessionKey = 'chat' | 'draft' | 'pending';

interface Backend {
  write(key: SessionKey, value: string | null): void;
}

const memory = new Map<SessionKey, string>();
let backend: Backend | null = null;

/** Reads what was stored before; embedded, asks the loader (giving up after `timeoutMs`: nothing is restored). */
export async function initSession(embedded: boolean, timeoutMs = 1500): Promise<void> {
  memory.clear();
  if (embedded) {
    backend = parentBackend();
    Object.entries(await askParent(timeoutMs)).forEach(([key, value]) => memory.set(key as SessionKey, value));
    return;
  }
  const own = ownStorage();
  backend = own && storageBackend(own);
  for (const key of ['chat', 'draft', 'pending'] as const) {
    const value = own?.getItem(`livechat.widget.${key}`);
    if (value) memory.set(key, value);
  }
}

export function loadChat(): StoredChat | null {
  try {
    const parsed = JSON.parse(memory.get('chat') ?? 'null');
    return parsed && typeof parsed.conversationId === 'string' && typeof parsed.token === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function saveChat(chat: StoredChat | null): void {
  // The messages not sent yet belong to the chat stored with them: another chat (or none) starts without any.
  if (chat?.conversationId !== loadChat()?.conversationId) put('pending', null);
  put('chat', chat ? JSON.stringify(chat) : null);
}

/** The customer's messages of the stored chat not acknowledged yet, as left before a reload. */
export function loadPending(): PendingMessage[] {
  return parsePending(memory.get('pending'));
}

export function savePending(messages: readonly PendingMessage[]): void {
  put('pending', serialisePending(messages));
}

export function loadDraft(): string {
  return memory.get('draft') ?? '';
}

export function saveDraft(draft: string): void {
  put('draft', draft || null);
}

function put(key: SessionKey, value: string | null): void {
  if (value === null) memory.delete(key);
  else memory.set(key, value);
  backend?.write(key, value);
}

function storageBackend(storage: Storage): Backend {
  return {
    write: (key, value) => {
      if (value === null) storage.removeItem(`livechat.widget.${key}`);
      else storage.setItem(`livechat.widget.${key}`, value);
    },
  };
}

function parentBackend(): Backend {
  return { write: (key, value) => window.parent.postMessage({ source: MESSAGE_SOURCE, type: 'store', key, value }, '*') };
}

function askParent(timeoutMs: number): Promise<Record<string, string>> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => done({}), timeoutMs);
    function done(values: Record<string, string>) {
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(values);
    }
    function onMessage(event: MessageEvent) {
      if (event.source !== window.parent || event.data?.source !== MESSAGE_SOURCE || event.data.type !== 'session') return;
      const values = event.data.values;
      done(values && typeof values === 'object' ? values : {});
    }
    window.addEventListener('message', onMessage);
    window.parent.postMessage({ source: MESSAGE_SOURCE, type: 'ready' }, '*');
  });
}

function ownStorage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage refused: the chat simply does not survive a reload
  }
}
