import { isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address, as the sign-in limits count it (docs/decisions/0013-login-limits-and-sessions.md).
 * Without a trusted proxy, the socket's: X-Forwarded-For is then whatever the client wrote. Behind
 * `trustedProxies` of them (TRUST_PROXY), each appended the address it received from, so the
 * client is the entry that many places from the end; what comes before it is the client's to forge.
 */
export function clientAddress(c: Context, trustedProxies: number): string | null {
  let socket: string | null = null;
  try {
    socket = getConnInfo(c).remote.address ?? null;
  } catch {
    socket = null;
  }
  if (trustedProxies === 0) return socket;
  const forwarded = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = forwarded[forwarded.length - trustedProxies];
  return entry && isIP(entry) ? entry : socket;
}
