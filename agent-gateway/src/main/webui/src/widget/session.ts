// The open chat survives a reload of the host page: its id and customer token are kept in the iframe's
// sessionStorage (this tab only, gone when the tab closes), the draft too.

export interface StoredChat {
  conversationId: string;
  token: string;
  customerName: string;
}

const CHAT_KEY = 'livechat.widget.chat';
const DRAFT_KEY = 'livechat.widget.draft';

export function loadChat(storage: Storage | null = sessionStore()): StoredChat | null {
  try {
    const parsed = JSON.parse(storage?.getItem(CHAT_KEY) ?? 'null');
    return parsed && typeof parsed.conversationId === 'string' && typeof parsed.token === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

export function saveChat(chat: StoredChat | null, storage: Storage | null = sessionStore()): void {
  if (chat) storage?.setItem(CHAT_KEY, JSON.stringify(chat));
  else storage?.removeItem(CHAT_KEY);
}

export function loadDraft(storage: Storage | null = sessionStore()): string {
  return storage?.getItem(DRAFT_KEY) ?? '';
}

export function saveDraft(draft: string, storage: Storage | null = sessionStore()): void {
  if (draft) storage?.setItem(DRAFT_KEY, draft);
  else storage?.removeItem(DRAFT_KEY);
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage refused (third-party iframe settings): the chat simply does not survive a reload
  }
}
