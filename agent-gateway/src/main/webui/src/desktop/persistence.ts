import type { LoginResult } from './api';
import { parsePending, serialisePending, type PendingMessage } from '../shared/pendingMessages';

/**
 * What the desktop keeps in the browser. The session (token) lives in sessionStorage: a reload stays logged in,
 * a closed tab does not. Drafts live in localStorage, per agent and conversation, so they survive a reload and
 * a crash; the selected conversation lives with the session.
 */
const SESSION_KEY = 'livechat.desktop.session';
const SELECTED_KEY = 'livechat.desktop.selected';
const STATE_SINCE_KEY = 'livechat.desktop.stateSince';
const DRAFT_PREFIX = 'livechat.desktop.draft.';
/** Messages sent and not acknowledged yet, per agent and conversation (shared/pendingMessages.ts): this tab only. */
const PENDING_PREFIX = 'livechat.desktop.pending.';

function storage(kind: 'local' | 'session'): Storage | null {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage;
  } catch {
    return null; // storage refused: the desktop works, it just forgets on reload
  }
}

function readJson<T>(kind: 'local' | 'session', key: string): T | null {
  const raw = storage(kind)?.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export type Session = LoginResult;

export function loadSession(now = Date.now()): Session | null {
  const session = readJson<Session>('session', SESSION_KEY);
  if (!session || !session.token || Date.parse(session.expiresAt) <= now) return null;
  return session;
}

export function saveSession(session: Session): void {
  storage('session')?.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  storage('session')?.removeItem(SESSION_KEY);
  storage('session')?.removeItem(SELECTED_KEY);
  storage('session')?.removeItem(STATE_SINCE_KEY);
  keysStartingWith('session', PENDING_PREFIX).forEach((key) => storage('session')?.removeItem(key));
}

export function loadSelected(): string | null {
  return storage('session')?.getItem(SELECTED_KEY) ?? null;
}

export function saveSelected(conversationId: string | null): void {
  if (conversationId) storage('session')?.setItem(SELECTED_KEY, conversationId);
  else storage('session')?.removeItem(SELECTED_KEY);
}

/** When the agent entered their current state, keyed by the state, so a reload keeps the time in state. */
export function loadStateSince(): { key: string; since: number } | null {
  return readJson('session', STATE_SINCE_KEY);
}

export function saveStateSince(key: string, since: number): void {
  storage('session')?.setItem(STATE_SINCE_KEY, JSON.stringify({ key, since }));
}

function draftKey(agentId: string, conversationId: string): string {
  return `${DRAFT_PREFIX}${agentId}.${conversationId}`;
}

export function loadDraft(agentId: string, conversationId: string): string {
  return storage('local')?.getItem(draftKey(agentId, conversationId)) ?? '';
}

/** Saves a draft; an empty one is removed rather than stored. */
export function saveDraft(agentId: string, conversationId: string, text: string): void {
  if (text) storage('local')?.setItem(draftKey(agentId, conversationId), text);
  else storage('local')?.removeItem(draftKey(agentId, conversationId));
}

/** Forgets the drafts of conversations this agent no longer has open (wrapped up while the page was closed too). */
export function pruneDrafts(agentId: string, openConversationIds: readonly string[]): void {
  const keep = new Set(openConversationIds.map((id) => draftKey(agentId, id)));
  keysStartingWith('local', `${DRAFT_PREFIX}${agentId}.`)
    .filter((key) => !keep.has(key))
    .forEach((key) => storage('local')?.removeItem(key));
}

function keysStartingWith(kind: 'local' | 'session', prefix: string): string[] {
  const store = storage(kind);
  if (!store) return [];
  const keys: string[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key && key.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** The agent's messages still waiting to be acknowledged, per conversation, as left by the page before a reload. */
export function loadPending(agentId: string): Record<string, PendingMessage[]> {
  const prefix = `${PENDING_PREFIX}${agentId}.`;
  return Object.fromEntries(
    keysStartingWith('session', prefix).map((key) => [key.slice(prefix.length), parsePending(storage('session')?.getItem(key))]),
  );
}

/** Keeps a conversation's pending messages; none left removes the key. */
export function savePending(agentId: string, conversationId: string, messages: readonly PendingMessage[]): void {
  const key = `${PENDING_PREFIX}${agentId}.${conversationId}`;
  const value = serialisePending(messages);
  if (value) storage('session')?.setItem(key, value);
  else storage('session')?.removeItem(key);
}
