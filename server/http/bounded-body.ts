import { AppError } from '../../domain/errors';

/** Past this, an upload is cut off rather than read to its end. */
const DISCARD_MAX_FACTOR = 4;

/**
 * A raw request body of at most `maxBytes`, or 413 `payload_too_large` with `message`.
 *
 * A body a little too large (a photo of 2,5 MB for 2 MB) is read to its end and thrown away
 * before answering: a server that answers while the client is still sending, then closes,
 * leaves the browser with a network error instead of the 413 and its message. Past four times
 * the limit (or a Content-Length saying so), the body is refused at once and cut off.
 */
export async function readBoundedBody(
  request: Request,
  maxBytes: number,
  message: string,
): Promise<Uint8Array> {
  const tooLarge = () => new AppError('payload_too_large', message);
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes * DISCARD_MAX_FACTOR) throw tooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size <= maxBytes) chunks.push(value);
    else if (size > maxBytes * DISCARD_MAX_FACTOR) {
      await reader.cancel();
      break;
    }
  }
  if (size > maxBytes) throw tooLarge();
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return body;
}
