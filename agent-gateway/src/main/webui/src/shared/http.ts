/**
 * JSON over HTTP to the gateway, for every page (desktop, admin console...): the bearer token, JSON bodies, and a
 * refusal (problem+json) as an {@link ApiError}.
 */

/** A refusal from the gateway (problem+json): `code` is stable, `detail` the text to show. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | null,
    /** The `Retry-After` header in seconds (429, 503), null when none. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(detail ?? code);
  }
}

export async function call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
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
    const retryAfter = Number.parseInt(response.headers?.get('Retry-After') ?? '', 10);
    throw new ApiError(
      response.status,
      problem.code ?? `HTTP_${response.status}`,
      problem.detail ?? null,
      Number.isNaN(retryAfter) ? null : retryAfter,
    );
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
