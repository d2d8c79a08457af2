import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { DisplaySignInSchema } from '../../../domain/schemas/display-token';
import {
  LoginSchema,
  PasswordChangeSchema,
  SessionUserSchema,
  SetupSchema,
} from '../../../domain/schemas/staff';
import type { Deps } from '../../deps';
import { clientAddress } from '../../http/client-address';
import type { AppEnv } from '../../http/router';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import { clearSessionCookie, setSessionCookie } from '../../http/session';
import {
  type AuthState,
  changePassword,
  completeSetup,
  login,
  logout,
  logoutEverywhere,
  type RequestMeta,
  SESSION_ABSOLUTE_MS,
  signInDisplay,
} from './auth.service';

const UserResponseSchema = z.object({ user: SessionUserSchema });

function requestMeta(c: Context<AppEnv>, trustedProxies: number): RequestMeta {
  return {
    ip: clientAddress(c, trustedProxies),
    userAgent: c.req.header('user-agent') ?? null,
  };
}

export function authRoutes(deps: Deps, state: AuthState) {
  const cookie = {
    secure: deps.env.PUBLIC_URL?.startsWith('https:') ?? false,
    maxAgeSeconds: SESSION_ABSOLUTE_MS / 1000,
  };
  const meta = (c: Context<AppEnv>) => requestMeta(c, deps.env.TRUST_PROXY);
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/login',
        tags: ['auth'],
        request: {
          body: { content: { 'application/json': { schema: LoginSchema } }, required: true },
        },
        responses: {
          200: jsonContent(UserResponseSchema, 'Signed in'),
          ...errorResponses(400, 401, 429),
        },
      }),
      async (c) => {
        const { user, token } = await login(deps, c.req.valid('json'), meta(c));
        setSessionCookie(c, token, cookie);
        return c.json({ user }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/setup',
        tags: ['auth'],
        description: 'First start without ADMIN_EMAIL: create the admin from the printed link.',
        request: {
          body: { content: { 'application/json': { schema: SetupSchema } }, required: true },
        },
        responses: {
          200: jsonContent(UserResponseSchema, 'Admin created'),
          ...errorResponses(400, 403),
        },
      }),
      async (c) => {
        const { user, token } = await completeSetup(deps, state, c.req.valid('json'), meta(c));
        setSessionCookie(c, token, cookie);
        return c.json({ user }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/display',
        tags: ['auth'],
        description: 'A wall screen exchanges its display token for a read-only session.',
        request: jsonBody(DisplaySignInSchema),
        responses: {
          200: jsonContent(UserResponseSchema, 'Signed in as display'),
          ...errorResponses(400, 401, 429),
        },
      }),
      async (c) => {
        const { token } = c.req.valid('json');
        const signedIn = await signInDisplay(deps, token, meta(c));
        setSessionCookie(c, signedIn.token, cookie);
        return c.json({ user: signedIn.user }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/logout',
        tags: ['auth'],
        responses: { 204: { description: 'Signed out' }, ...errorResponses(401) },
      }),
      async (c) => {
        await logout(deps, requireActor(c));
        clearSessionCookie(c);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/logout-everywhere',
        tags: ['auth'],
        description: 'Ends every session of the signed-in account, and its sockets.',
        responses: { 204: { description: 'Signed out everywhere' }, ...errorResponses(401, 403) },
      }),
      async (c) => {
        await logoutEverywhere(deps, requireActor(c));
        clearSessionCookie(c);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/password',
        tags: ['auth'],
        description:
          'The signed-in user changes their own password: every other session ends, this one is renewed.',
        request: jsonBody(PasswordChangeSchema),
        responses: {
          200: jsonContent(UserResponseSchema, 'Password changed'),
          ...errorResponses(400, 401, 403, 429),
        },
      }),
      async (c) => {
        const { user, token } = await changePassword(
          deps,
          requireActor(c),
          c.req.valid('json'),
          meta(c),
        );
        setSessionCookie(c, token, cookie);
        return c.json({ user }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/me',
        tags: ['auth'],
        responses: {
          200: jsonContent(UserResponseSchema, 'The signed-in user'),
          ...errorResponses(401),
        },
      }),
      (c) => {
        const { sessionId: _, ...user } = requireActor(c);
        return c.json({ user }, 200);
      },
    );
}
