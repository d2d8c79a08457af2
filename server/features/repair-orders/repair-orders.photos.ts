import { AppError } from '../../../domain/errors';
import { sniffImage } from '../../../domain/repair-order/image';
import {
  PHOTO_MAX_BYTES,
  PHOTOS_MAX,
  type RepairOrder,
} from '../../../domain/schemas/repair-order';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import {
  checkNotLocked,
  fieldError,
  lockAndRead,
  requireRepairOrder,
  saveRepairOrder,
} from './repair-orders.records';
import { insertPhoto, selectPhotoData } from './repair-orders.repo';

/*
 * Photos of the vehicle (check-in, damage found later): resized in the browser, sent as the
 * image's bytes, their type read from the bytes, stored in Postgres (decision 0016). The OR
 * carries their metadata; the bytes are served by their own authenticated route.
 */

/** Until the hand-back, whether the check-in is signed or not: photos are not what is signed. */
export async function addRepairOrderPhoto(
  deps: Deps,
  actor: Actor,
  id: string,
  bytes: Uint8Array,
): Promise<RepairOrder> {
  requireRole(actor, WRITERS);
  if (bytes.length > PHOTO_MAX_BYTES) {
    throw new AppError(
      'payload_too_large',
      'La photo dépasse 2 Mo : réduisez-la avant de l’envoyer.',
    );
  }
  const image = sniffImage(bytes);
  if (!image) throw fieldError('photo', 'Ce fichier n’est pas une image JPEG, PNG ou WebP.');
  return writeWithChanges(deps, actor, async (tx, record) => {
    const now = deps.now();
    const current = await lockAndRead(tx, id, now);
    checkNotLocked(current);
    if (current.photos.length >= PHOTOS_MAX) {
      throw fieldError('photo', `${PHOTOS_MAX} photos au maximum par ordre de réparation.`);
    }
    await insertPhoto(tx, {
      repairOrderId: id,
      contentType: image.contentType,
      bytes: bytes.length,
      width: image.width,
      height: image.height,
      data: Buffer.from(bytes),
      createdAt: now,
      createdById: actor.id,
      createdByName: actor.name,
    });
    return saveRepairOrder(tx, deps, record, current, {}, 'updated');
  });
}

export async function readRepairOrderPhoto(
  deps: Deps,
  actor: Actor,
  id: string,
  photoId: string,
): Promise<{ contentType: string; data: Uint8Array }> {
  requireRole(actor, READERS);
  const photo = await selectPhotoData(deps.db, id, photoId);
  if (!photo) {
    await requireRepairOrder(deps.db, id, deps.now());
    throw new AppError('not_found', 'Cette photo est introuvable.');
  }
  return photo;
}
