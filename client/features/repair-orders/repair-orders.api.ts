import type { z } from 'zod';
import { AppError } from '../../../domain/errors';
import { ErrorBodySchema } from '../../../domain/schemas/common';
import {
  type AmendmentCreateSchema,
  type AmendmentDecisionInputSchema,
  type ClockInputSchema,
  type HandBackInputSchema,
  type RepairOrder,
  type RepairOrderAssignSchema,
  type RepairOrderCreate,
  type RepairOrderListQuerySchema,
  RepairOrderSchema,
  type RepairOrderStatus,
  type RepairOrderUpdate,
  type SignatureInputSchema,
} from '../../../domain/schemas/repair-order';
import { api, call } from '../../lib/api';
import { liveAction, recordQuery, staleOnQuery } from '../../lib/queries';

type ListQuery = z.input<typeof RepairOrderListQuerySchema>;

/** One page of board cards (`status: 'open'` is every OR not handed back). */
export const getRepairOrdersPage = staleOnQuery(
  // A client renamed, a plate changed or a technician renamed shows on the cards.
  ['repair_order', 'client', 'vehicle', 'staff'],
  'repair-orders',
  (filters: Omit<ListQuery, 'limit'>, cursor?: string) =>
    call(
      api['repair-orders'].$get({
        query: {
          ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)),
          ...(cursor ? { cursor } : {}),
          limit: '200',
        },
      }),
    ),
);

export const getRepairOrder = recordQuery('repair_order', 'repair-order', (id) =>
  call(api['repair-orders'][':id'].$get({ param: { id } })),
);

/** The wall's workshop mode: today's cards, no customer, no money. */
export const getWorkshop = staleOnQuery(['repair_order'], 'workshop', () =>
  call(api.workshop.$get()),
);

export const createRepairOrder = liveAction('repair-order-create', (input: RepairOrderCreate) =>
  call(api['repair-orders'].$post({ json: input })),
);

export const updateRepairOrder = liveAction(
  'repair-order-update',
  (id: string, edit: RepairOrderUpdate) =>
    call(api['repair-orders'][':id'].$patch({ param: { id }, json: edit })),
);

export const moveRepairOrder = liveAction(
  'repair-order-move',
  (id: string, to: RepairOrderStatus, version: number) =>
    call(api['repair-orders'][':id'].transition.$post({ param: { id }, json: { to, version } })),
);

export const assignRepairOrder = liveAction(
  'repair-order-assign',
  (id: string, input: z.input<typeof RepairOrderAssignSchema>) =>
    call(api['repair-orders'][':id'].assign.$post({ param: { id }, json: input })),
);

export const addAmendment = liveAction(
  'repair-order-amendment',
  (id: string, input: z.input<typeof AmendmentCreateSchema>) =>
    call(api['repair-orders'][':id'].amendments.$post({ param: { id }, json: input })),
);

export const decideAmendment = liveAction(
  'repair-order-amendment-decision',
  (id: string, amendmentId: string, input: z.input<typeof AmendmentDecisionInputSchema>) =>
    call(
      api['repair-orders'][':id'].amendments[':amendmentId'].decision.$post({
        param: { id, amendmentId },
        json: input,
      }),
    ),
);

/** Records a drawn signature; returns the OR with it (the new signature is the last one). */
export const signRepairOrder = liveAction(
  'repair-order-sign',
  (id: string, input: z.input<typeof SignatureInputSchema>) =>
    call(api['repair-orders'][':id'].signatures.$post({ param: { id }, json: input })),
);

export const clockRepairOrder = liveAction(
  'repair-order-clock',
  (id: string, input: z.input<typeof ClockInputSchema>) =>
    call(api['repair-orders'][':id'].clock.$post({ param: { id }, json: input })),
);

export const handBackRepairOrder = liveAction(
  'repair-order-hand-back',
  (id: string, input: z.input<typeof HandBackInputSchema>) =>
    call(api['repair-orders'][':id']['hand-back'].$post({ param: { id }, json: input })),
);

/** Where the browser reads a photo or a signature's image (signed-in staff only). */
export function photoUrl(id: string, photoId: string): string {
  return `/api/v1/repair-orders/${id}/photos/${photoId}`;
}
export function signatureImageUrl(id: string, signatureId: string): string {
  return `/api/v1/repair-orders/${id}/signatures/${signatureId}/image`;
}

/**
 * Sends a photo's bytes as the body (not JSON: decision 0016), through XMLHttpRequest because
 * `fetch` cannot report an upload's progress. Resolves with the OR holding the photo; rejects
 * with the server's AppError (413, 400 on `photo`, 409 past 20 photos).
 */
export function uploadRepairOrderPhoto(
  id: string,
  photo: Blob,
  onProgress: (fraction: number) => void,
): Promise<RepairOrder> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1/repair-orders/${id}/photos`);
    request.withCredentials = true;
    request.setRequestHeader('Content-Type', photo.type || 'application/octet-stream');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () =>
      reject(
        new AppError(
          'unavailable',
          'Le serveur ne répond pas. Vérifiez la connexion et réessayez.',
        ),
      );
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) {
        const order = RepairOrderSchema.safeParse(body);
        if (order.success) resolve(order.data);
        else reject(new AppError('internal'));
        return;
      }
      const error = ErrorBodySchema.safeParse(body);
      reject(
        error.success
          ? AppError.fromBody(
              error.data.error.code,
              error.data.error.message,
              error.data.error.details,
              request.status,
            )
          : new AppError(request.status === 413 ? 'payload_too_large' : 'internal'),
      );
    };
    request.send(photo);
  });
}
