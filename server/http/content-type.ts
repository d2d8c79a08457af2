import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { AppError } from '../../domain/errors';

const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/;
const UTF8 = new Set(['utf-8', 'utf8']);

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  if (length !== null) return length.trim() !== '0';
  return request.headers.has('transfer-encoding');
}

/** `application/json`, with no charset or UTF-8 (RFC 8259: JSON between systems is UTF-8). */
export function isJsonContentType(header: string | undefined): boolean {
  const [mediaType = '', ...parameters] = (header ?? '').toLowerCase().split(';');
  if (!JSON_MEDIA_TYPE.test(mediaType.trim())) return false;
  return parameters.every((parameter) => {
    const [name = '', value = ''] = parameter.split('=').map((part) => part.trim());
    return name !== 'charset' || UTF8.has(value.replace(/^"|"$/g, ''));
  });
}

/**
 * The API reads JSON only: a request that carries a body of another type (or none declared) is
 * refused with 415 `unsupported_media_type` before anything parses it (decision 0015). A request
 * without a body is left to its route's schema.
 */
export function jsonBodiesOnly(): MiddlewareHandler {
  return async (c, next) => {
    if (hasBody(c.req.raw) && !isJsonContentType(c.req.header('content-type'))) {
      throw new AppError('unsupported_media_type');
    }
    await next();
  };
}

/** The route this request goes to, as `METHOD /path` of its declaration. */
function routeKeys(c: Context, prefix: string): string[] {
  return matchedRoutes(c)
    .filter((route) => route.method !== 'ALL' && route.path.startsWith(prefix))
    .map((route) => `${route.method} ${route.path}`);
}

/**
 * The few routes whose body is not JSON (a check-in photo's bytes) are named, and read by
 * their own bounded reader with their own limit; every other route gets `middleware`.
 */
export function exceptBinaryRoutes(
  prefix: string,
  binaryRoutes: ReadonlySet<string>,
  middleware: MiddlewareHandler,
): MiddlewareHandler {
  return async (c, next) => {
    if (routeKeys(c, prefix).some((key) => binaryRoutes.has(key))) return next();
    return middleware(c, next);
  };
}
