import { request } from 'node:http';

export type RawHttpReply = { status: number; headers: Record<string, unknown>; body: string };

/**
 * A request that announces a body (`Content-Length`) but sends only `send` of it, then waits for
 * the answer: a server that answers has decided without reading the rest. Resolves null after
 * `timeoutMs` if the server is still waiting for the body.
 */
export function sendPartialBody(
  baseUrl: string,
  options: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    contentLength: number;
    send?: string;
    timeoutMs?: number;
  },
): Promise<RawHttpReply | null> {
  const url = new URL(options.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.method,
      agent: false,
      headers: {
        'content-type': 'application/json',
        ...options.headers,
        'content-length': String(options.contentLength),
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve(null);
    }, options.timeoutMs ?? 3000);
    req.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      // The server may close the connection after answering, while we still "send".
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') resolve(null);
      else reject(error);
    });
    req.write(options.send ?? '');
  });
}

/** A body sent with `Transfer-Encoding: chunked` (no Content-Length), `chunks` × `chunkSize`. */
export function sendChunkedBody(
  baseUrl: string,
  options: {
    method: string;
    path: string;
    headers?: Record<string, string>;
    chunks: number;
    chunkSize: number;
  },
): Promise<RawHttpReply> {
  const url = new URL(options.path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.method,
      agent: false,
      headers: { 'content-type': 'application/json', ...options.headers },
    });
    req.on('response', (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
      });
      response.on('end', () => {
        req.destroy();
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    req.on('error', (error) => {
      // Answered (413) and closed while the rest was still being sent: the answer stands.
      if (!['ECONNRESET', 'EPIPE'].includes((error as NodeJS.ErrnoException).code ?? '')) {
        reject(error);
      }
    });
    const chunk = `"${'x'.repeat(Math.max(0, options.chunkSize - 2))}"`;
    let sent = 0;
    const pump = () => {
      while (sent < options.chunks) {
        sent += 1;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}
