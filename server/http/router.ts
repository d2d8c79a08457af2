import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { AppError, fromZodError } from '../../domain/errors';
import { ErrorBodySchema } from '../../domain/schemas/common';
import type { Actor } from '../deps';

export type AppEnv = {
  Variables: { actor: Actor | null; requestId: string };
};

/** Every feature's sub-app: zod failures become `400 validation_failed` with the issues. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw fromZodError(result.error);
    },
  });
}

/** The signed-in actor, or 401: every route but login and setup starts here. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('unauthenticated');
  return actor;
}

const ERROR_DESCRIPTIONS = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
} as const;

type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** The error responses a route documents, all with the one error body. */
export function errorResponses(...statuses: ErrorStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: ERROR_DESCRIPTIONS[status],
        content: { 'application/json': { schema: ErrorBodySchema } },
      },
    ]),
  );
}

export function jsonContent<T>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

export function jsonBody<T>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}
