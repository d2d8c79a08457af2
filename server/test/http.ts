/** A tiny HTTP client with a cookie jar, for driving the real server in tests. */
export type HttpResponse<T = any> = { status: number; body: T; headers: Headers };

export class HttpClient {
  private cookie: string | null = null;
  readonly baseUrl: string;

  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  get cookieHeader(): string | null {
    return this.cookie;
  }

  /** The request made through the result must answer this status, or the test fails. */
  expect(status: number) {
    return {
      get: <T = any>(path: string, headers?: Record<string, string>) =>
        this.request<T>('GET', path, undefined, headers, status),
      post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) =>
        this.request<T>('POST', path, body ?? {}, headers, status),
      patch: <T = any>(path: string, body: unknown, headers?: Record<string, string>) =>
        this.request<T>('PATCH', path, body, headers, status),
      put: <T = any>(path: string, body: unknown, headers?: Record<string, string>) =>
        this.request<T>('PUT', path, body, headers, status),
      delete: <T = any>(path: string, headers?: Record<string, string>) =>
        this.request<T>('DELETE', path, undefined, headers, status),
    };
  }

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    expected: number | null = null,
  ): Promise<HttpResponse<T>> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await response.text();
    const parsed =
      text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    if (expected !== null && response.status !== expected) {
      throw new Error(
        `${method} ${path}: expected ${expected}, got ${response.status} ${JSON.stringify(parsed)}`,
      );
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body, headers);
  }
  put<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PUT', path, body, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }

  async login(email: string, password: string): Promise<void> {
    await this.expect(200).post('/api/v1/auth/login', { email, password });
  }
}
