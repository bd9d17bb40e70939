import type { ConversationFrame, ConversationView } from './frames';

/** A refusal from the gateway (problem+json): `code` is stable, `detail` the text to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | null,
  ) {
    super(detail ?? code);
  }
}

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

async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK', null);
  }
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok) {
    const problem = (json ?? {}) as { code?: string; detail?: string };
    throw new ApiError(response.status, problem.code ?? `HTTP_${response.status}`, problem.detail ?? null);
  }
  return json as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
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
