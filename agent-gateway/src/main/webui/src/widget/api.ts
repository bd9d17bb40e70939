// The customer REST API (docs/api/gateway.md "Customer REST API"), same origin as the /chat/ page.

export interface StartRequest {
  queueId: string;
  customer: { name: string; email: string };
  attributes: Record<string, string>;
}

/** A refusal of the gateway: its problem code (problem+json `code`), or NETWORK when it could not be reached. */
export class ApiError extends Error {
  constructor(readonly code: string, readonly status: number) {
    super(code);
  }
}

export async function startChat(request: StartRequest): Promise<{ conversationId: string; token: string }> {
  return call('POST', '/api/chats', null, request);
}

/** Whether the queue is open now (business hours) and, when closed, its next opening (ISO instant) or null. */
export interface Availability {
  queueId: string;
  open: boolean;
  nextOpening: string | null;
  timeZone: string | null;
}

export async function queueAvailability(queueId: string): Promise<Availability> {
  return call('GET', `/api/queues/${encodeURIComponent(queueId)}/availability`, null);
}

/** A message left while the queue is closed: a chat whose first message it is, offered at the opening. */
export interface OfflineRequest {
  queueId: string;
  customer: { name: string; email?: string; phone?: string };
  attributes: Record<string, string>;
  offline: true;
  message: string;
}

export async function leaveMessage(request: OfflineRequest): Promise<{ conversationId: string; token: string }> {
  return call('POST', '/api/chats', null, request);
}

export async function endChat(conversationId: string, token: string): Promise<void> {
  await call('POST', `/api/chats/${encodeURIComponent(conversationId)}/end`, token);
}

/** The satisfaction survey after the end (rating 1 to 5, optional comment); 409 SURVEY_ALREADY_SUBMITTED once rated. */
export async function submitSurvey(conversationId: string, token: string, rating: number, comment: string | null): Promise<void> {
  await call('POST', `/api/chats/${encodeURIComponent(conversationId)}/survey`, token, { rating, comment });
}

async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError('NETWORK', 0);
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new ApiError(typeof problem.code === 'string' ? problem.code : 'HTTP_' + response.status, response.status);
  }
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
