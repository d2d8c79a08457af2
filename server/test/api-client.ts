import { hc } from 'hono/client';
import type { z } from 'zod';
import { ERROR_STATUS, type ErrorCode } from '../../domain/errors';
import { ERROR_DETAILS, readDetails } from '../../domain/refusals';
import { ErrorBodySchema } from '../../domain/schemas/common';
import type { AppType } from '../app';

type AppClient = ReturnType<typeof hc<AppType>>;

/**
 * One signed-in screen against a test server: the API typed from the server's routes (a renamed
 * field breaks the test build), with its own cookie jar.
 */
export type ApiClient = {
  /** `/api/v1`: `api.clients.$post({ json })`, `api.clients[':id'].$get({ param: { id } })`. */
  api: AppClient['api']['v1'];
  /** The whole app from its root, for what lives outside `/api/v1` (`/api/health`). */
  app: AppClient;
  /**
   * What the types refuse to send: malformed or ill-typed bodies, missing fields, paths the
   * routes do not declare. `body` is sent as is when a string or bytes, as JSON otherwise.
   */
  raw: (method: Method, path: string, init?: RawInit) => Promise<RawResponse>;
  /** The session cookie (`gp_session=…`), for a socket of the same screen. */
  readonly cookie: string | null;
};

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type RawInit = { body?: unknown; headers?: Record<string, string> };

/** A raw response: its body is `unknown` until a schema says what it is. */
export type RawResponse = Omit<Response, 'json'> & { json: () => Promise<unknown> };

export function createApiClient(baseUrl: string): ApiClient {
  let cookie: string | null = null;
  const fetchWithCookies = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    if (cookie && !headers.has('cookie')) headers.set('cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      cookie = pair.endsWith('=') ? null : pair;
    }
    return response;
  };
  const app = hc<AppType>(baseUrl, { fetch: fetchWithCookies });
  return {
    api: app.api.v1,
    app,
    raw: (method, path, { body, headers = {} } = {}) =>
      fetchWithCookies(`${baseUrl}${path}`, {
        method,
        headers:
          body === undefined || body instanceof Uint8Array
            ? headers
            : { 'content-type': 'application/json', ...headers },
        body:
          body === undefined || typeof body === 'string'
            ? body
            : body instanceof Uint8Array
              ? new Blob([new Uint8Array(body)])
              : JSON.stringify(body),
      }),
    get cookie() {
      return cookie;
    },
  };
}

/** What the typed client's calls resolve to: one response per status the route declares. */
type Reply = { status: number; url: string; text: () => Promise<string> };

/** The body the route declares for that status. */
type BodyOf<R, S> = R extends { status: S; json: () => Promise<infer T> } ? T : never;

async function readBody(response: Reply): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The request must answer `status` (one its route declares), else the test fails with what it
 * got; resolves with the body typed for that status.
 *
 * @example const client = await expectStatus(201, staff.api.clients.$post({ json: input }));
 */
export async function expectStatus<R extends Reply, S extends R['status']>(
  status: S,
  request: Promise<R>,
): Promise<BodyOf<R, S>> {
  const response = await request;
  const body = await readBody(response);
  if (response.status !== status) {
    throw new Error(
      `${response.url}: expected ${status}, got ${response.status} ${JSON.stringify(body)}`,
    );
  }
  // The route's own type for this status: the server's schemas validated what it sent.
  return body as BodyOf<R, S>;
}

type DetailsOf<C extends ErrorCode> = C extends 'validation_failed'
  ? z.output<(typeof ERROR_DETAILS)[C]> | undefined
  : C extends keyof typeof ERROR_DETAILS
    ? z.output<(typeof ERROR_DETAILS)[C]>
    : undefined;

export type ErrorReply<C extends ErrorCode> = {
  code: C;
  message: string;
  details: DetailsOf<C>;
  headers: Headers;
};

/**
 * The request must fail with this code, at its status (`ERROR_STATUS`), in the one error body;
 * resolves with the message and the details, checked with the code's declared schema
 * (domain/refusals.ts, through `readDetails` as the client reads them).
 */
export async function expectError<C extends ErrorCode>(
  code: C,
  request: Promise<Reply & { headers: Headers }>,
): Promise<ErrorReply<C>> {
  const response = await request;
  const body = await readBody(response);
  const parsed = ErrorBodySchema.safeParse(body);
  if (
    response.status !== ERROR_STATUS[code] ||
    !parsed.success ||
    parsed.data.error.code !== code
  ) {
    throw new Error(
      `${response.url}: expected ${ERROR_STATUS[code]} ${code}, got ${response.status} ${JSON.stringify(body)}`,
    );
  }
  const { message, details: raw } = parsed.data.error;
  return { code, message, details: checkDetails(code, raw), headers: response.headers };
}

function checkDetails<C extends ErrorCode>(code: C, raw: unknown): DetailsOf<C> {
  if (!(code in ERROR_DETAILS)) {
    if (raw !== undefined)
      throw new Error(`${code} declares no details, got ${JSON.stringify(raw)}`);
    return undefined as DetailsOf<C>;
  }
  // Malformed JSON is refused before any zod schema runs: no issues to list.
  if (code === 'validation_failed' && raw === undefined) return undefined as DetailsOf<C>;
  const details = readDetails({ code, details: raw }, code as keyof typeof ERROR_DETAILS);
  if (details === null) {
    throw new Error(`the details of ${code} do not match their schema: ${JSON.stringify(raw)}`);
  }
  return details as DetailsOf<C>;
}

/** The fields a 400 names, as `a.b.0` paths. */
export function issuePaths(error: ErrorReply<'validation_failed'>): string[] {
  return (error.details ?? []).map((issue) => issue.path.join('.'));
}
