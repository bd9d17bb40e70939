import type { ConversationFrame, ConversationView } from './frames';
import { ApiError, call } from '../shared/http';

export { ApiError };

export interface LoginResult {
  token: string;
  expiresAt: string;
  agentId: string;
  displayName: string;
  roles: string[];
}

export interface IdleCode {
  code: string;
  label: string;
}

export interface HistoryPage {
  page: number;
  size: number;
  total: number;
  items: ConversationView[];
}

/** The gateway's REST API as the desktop uses it (docs/api/gateway.md). */
export class GatewayApi {
  constructor(private readonly token: string) {}

  static login(username: string, password: string): Promise<LoginResult> {
    return call('POST', '/api/auth/login', null, { username, password });
  }

  idleCodes(): Promise<IdleCode[]> {
    return call('GET', '/api/idle-codes', this.token);
  }

  setState(state: 'AVAILABLE' | 'IDLE' | 'LOGGED_OUT', idleCode?: string): Promise<unknown> {
    return call('PUT', '/api/agent/state', this.token, idleCode ? { state, idleCode } : { state });
  }

  accept(offerId: string): Promise<unknown> {
    return call('POST', `/api/agent/offers/${encodeURIComponent(offerId)}/accept`, this.token);
  }

  decline(offerId: string): Promise<unknown> {
    return call('POST', `/api/agent/offers/${encodeURIComponent(offerId)}/decline`, this.token);
  }

  events(conversationId: string, afterSeq = 0): Promise<ConversationFrame[]> {
    return call('GET', `/api/conversations/${encodeURIComponent(conversationId)}/events?afterSeq=${afterSeq}`, this.token);
  }

  history(page: number, size: number, search: string): Promise<HistoryPage> {
    const query = new URLSearchParams({ page: String(page), size: String(size) });
    if (search.trim()) query.set('search', search.trim());
    return call('GET', `/api/agent/history?${query}`, this.token);
  }

  post<T = unknown>(path: string, body?: unknown): Promise<T> {
    return call('POST', path, this.token, body);
  }

  get<T>(path: string): Promise<T> {
    return call('GET', path, this.token);
  }
}
