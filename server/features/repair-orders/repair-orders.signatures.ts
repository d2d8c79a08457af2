import type { z } from 'zod';
import { todayInParis } from '../../../domain/dates';
import { AppError } from '../../../domain/errors';
import { isPng } from '../../../domain/repair-order/image';
import {
  checkCheckInSignable,
  checkHandBack,
  checkRepairOrderEditable,
} from '../../../domain/repair-order/transitions';
import {
  canonicalRepairOrder,
  hashRepairOrderVersion,
} from '../../../domain/repair-order/version-hash';
import {
  type RepairOrder,
  SIGNATURE_IMAGE_MAX_BYTES,
  type SignatureInputSchema,
} from '../../../domain/schemas/repair-order';
import { READERS, requireRole, WRITERS } from '../../access';
import type { Actor, Deps } from '../../deps';
import { writeWithChanges } from '../changes/changes.service';
import { noteCheckInMileage, readVehicle } from '../vehicles/vehicles.service';
import {
  checkNotLocked,
  fieldError,
  lockAndRead,
  requireRepairOrder,
  saveRepairOrder,
} from './repair-orders.records';
import { insertSignature, selectSignatureImage } from './repair-orders.repo';

/*
 * The customer's signatures: of the check-in (the work ordered, the PIEC answers), of an
 * amendment, of the hand-back. Each records who signed, who was at the counter, when, and what
 * exactly: the canonical text of the OR version on screen and its SHA-256, which the server
 * recomputes (decision 0016). Reached through repair-orders.service.ts.
 */

type SignatureInput = z.output<typeof SignatureInputSchema>;

const ALL_TICKED = { workDone: true, declinedWorkReminded: true, nextDueReminded: true };

/** The PNG behind the pad's data URL, or a 400 on the field. */
function decodeSignatureImage(dataUrl: string): Buffer {
  const bytes = Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
  if (bytes.length > SIGNATURE_IMAGE_MAX_BYTES) {
    throw fieldError('image', 'La signature est trop lourde.');
  }
  if (!isPng(bytes)) throw fieldError('image', 'La signature doit être une image PNG.');
  return bytes;
}

/** Whether this kind of signature may be given now; the refusal otherwise. */
function checkSignable(order: RepairOrder, input: SignatureInput): AppError | null {
  switch (input.kind) {
    case 'check_in':
      return checkRepairOrderEditable(order) ?? checkCheckInSignable(order);
    case 'amendment': {
      const amendment = order.amendments.find((candidate) => candidate.id === input.amendmentId);
      if (amendment?.status !== 'pending') {
        return fieldError('amendmentId', 'Choisissez des travaux supplémentaires en attente.');
      }
      return null;
    }
    case 'hand_back':
      // The checklist is ticked at the hand-back itself; the rest must hold when signing.
      return checkHandBack(order, ALL_TICKED);
  }
}

export async function signRepairOrder(
  deps: Deps,
  actor: Actor,
  id: string,
  input: SignatureInput,
): Promise<RepairOrder> {
  requireRole(actor, WRITERS);
  const image = decodeSignatureImage(input.image);
  return writeWithChanges(deps, actor, async (tx, record) => {
    const now = deps.now();
    const current = await lockAndRead(tx, id, now);
    checkNotLocked(current);
    // What the customer saw must be what is stored now, to the line: else they read it again.
    const versionHash = await hashRepairOrderVersion(current);
    if (input.version !== current.version || input.versionHash !== versionHash) {
      throw new AppError('signature_stale', undefined, { current });
    }
    const refused = checkSignable(current, input);
    if (refused) throw refused;
    await insertSignature(tx, {
      repairOrderId: id,
      kind: input.kind,
      amendmentId: input.kind === 'amendment' ? (input.amendmentId ?? null) : null,
      signerName: input.signerName,
      signedAt: now,
      recordedById: actor.id,
      recordedByName: actor.name,
      versionHash,
      version: current.version,
      signedText: canonicalRepairOrder(current),
      image,
    });
    if (input.kind !== 'check_in') return saveRepairOrder(tx, deps, record, current, {}, 'updated');
    if (current.checkIn.mileageKm !== null) {
      await noteCheckInMileage(tx, {
        vehicleId: current.vehicleId,
        date: todayInParis(now),
        km: current.checkIn.mileageKm,
      });
      // The vehicle's last reading may have moved: its screens take the new one.
      const vehicle = await readVehicle(tx, current.vehicleId);
      if (vehicle) record({ entity: 'vehicle', action: 'updated', id: vehicle.id, data: vehicle });
    }
    return saveRepairOrder(tx, deps, record, current, { checkedInAt: now }, 'updated');
  });
}

/** The drawn signature, for the OR's PDF. */
export async function readSignatureImage(
  deps: Deps,
  actor: Actor,
  id: string,
  signatureId: string,
): Promise<Uint8Array> {
  requireRole(actor, READERS);
  const image = await selectSignatureImage(deps.db, id, signatureId);
  if (!image) {
    await requireRepairOrder(deps.db, id, deps.now());
    throw new AppError('not_found', 'Cette signature est introuvable.');
  }
  return image;
}
