import { createRoute, z } from '@hono/zod-openapi';
import { IdParamSchema } from '../../../domain/schemas/common';
import {
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  PhotoParamSchema,
  RepairOrderSchema,
  SignatureInputSchema,
  SignatureParamSchema,
} from '../../../domain/schemas/repair-order';
import type { Deps } from '../../deps';
import { readBoundedBody } from '../../http/bounded-body';
import {
  createRouter,
  errorResponses,
  jsonBody,
  jsonContent,
  requireActor,
} from '../../http/router';
import {
  addRepairOrderPhoto,
  readRepairOrderPhoto,
  readSignatureImage,
  signRepairOrder,
} from './repair-orders.service';

const PHOTO_TOO_LARGE = 'La photo dépasse 2 Mo : réduisez-la avant de l’envoyer.';
const BINARY = z.string().openapi({ format: 'binary' });
const imageContent = (types: readonly string[]) =>
  Object.fromEntries(types.map((type) => [type, { schema: BINARY }]));

/** Images change never (a new one is a new id) and are nobody else's: the browser alone keeps them. */
const IMAGE_CACHE = 'private, max-age=86400';

/** The customer's signatures and the vehicle's photos: metadata in the OR, bytes here. */
export function mediaRoutes(deps: Deps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/signatures',
        tags: ['repair-orders'],
        description:
          'The customer signs what the screen shows: `versionHash` is `hashRepairOrderVersion` of that OR, recomputed here (409 `signature_stale` with the current OR otherwise). check_in needs every PIEC answer (`piec_choice_missing`); amendment names a pending `amendmentId`; hand_back needs the work done.',
        request: { params: IdParamSchema, ...jsonBody(SignatureInputSchema) },
        responses: {
          201: jsonContent(RepairOrderSchema, 'The OR with the signature'),
          ...errorResponses(400, 401, 403, 404, 409),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        return c.json(await signRepairOrder(deps, requireActor(c), id, c.req.valid('json')), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/signatures/{signatureId}/image',
        tags: ['repair-orders'],
        description: 'The drawn signature (PNG), for the OR’s PDF.',
        request: { params: SignatureParamSchema },
        responses: {
          200: { description: 'The PNG', content: imageContent(['image/png']) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id, signatureId } = c.req.valid('param');
        const image = await readSignatureImage(deps, requireActor(c), id, signatureId);
        // A copy on its own ArrayBuffer: what the response body takes (the drivers' may be shared).
        return c.body(new Uint8Array(image), 200, {
          'Content-Type': 'image/png',
          'Cache-Control': IMAGE_CACHE,
        });
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/{id}/photos',
        tags: ['repair-orders'],
        description: `The image's bytes as the body (JPEG, PNG or WebP, read from the bytes, whatever the declared type), ${PHOTO_MAX_BYTES / 1024 / 1024} MB at most (413 \`payload_too_large\`).`,
        request: {
          params: IdParamSchema,
          body: { content: imageContent(PHOTO_TYPES), required: true },
        },
        responses: {
          201: jsonContent(RepairOrderSchema, 'The OR with the photo'),
          ...errorResponses(400, 401, 403, 404, 409),
          413: { description: 'payload_too_large' },
        },
      }),
      async (c) => {
        const actor = requireActor(c);
        const bytes = await readBoundedBody(c.req.raw, PHOTO_MAX_BYTES, PHOTO_TOO_LARGE);
        return c.json(await addRepairOrderPhoto(deps, actor, c.req.valid('param').id, bytes), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}/photos/{photoId}',
        tags: ['repair-orders'],
        description: 'The photo’s bytes, with their content type.',
        request: { params: PhotoParamSchema },
        responses: {
          200: { description: 'The image', content: imageContent(PHOTO_TYPES) },
          ...errorResponses(400, 401, 403, 404),
        },
      }),
      async (c) => {
        const { id, photoId } = c.req.valid('param');
        const photo = await readRepairOrderPhoto(deps, requireActor(c), id, photoId);
        return c.body(new Uint8Array(photo.data), 200, {
          'Content-Type': photo.contentType,
          'Cache-Control': IMAGE_CACHE,
        });
      },
    );
}
