import type { RepairOrder } from '../schemas/repair-order';

/**
 * What the customer signs, as one canonical text: the OR's identity, vehicle, check-in and the
 * work with its prices and PIEC answers, in a fixed order; not the bookkeeping (signatures,
 * photos, clocking, timestamps). Two screens showing the same version compute the same text,
 * and a signature records its SHA-256 (`hashRepairOrderVersion`).
 */
export function canonicalRepairOrder(order: RepairOrder): string {
  const work = order.jobs.map((job) => ({
    id: job.id,
    title: job.title,
    amendmentId: job.amendmentId,
    lines: job.lines.map((line) => [
      line.id,
      line.kind,
      line.description,
      line.reference,
      line.quantity,
      line.unit,
      line.unitPriceCents,
      line.vatRateBp,
      line.discountBp,
      line.piecCategory,
      line.piecChoice,
      line.partCondition,
    ]),
  }));
  return JSON.stringify({
    number: order.number,
    version: order.version,
    client: [order.clientId, order.clientName],
    vehicle: [order.vehicleId, order.vehiclePlate, order.vehicleLabel],
    promisedAt: order.promisedAt,
    checkIn: [
      order.checkIn.mileageKm,
      order.checkIn.fuelLevel,
      order.checkIn.damage,
      order.checkIn.keysTag,
    ],
    work,
    amendments: order.amendments.map((amendment) => [amendment.id, amendment.status]),
    totals: [order.totals.exclVatCents, order.totals.vatCents, order.totals.inclVatCents],
  });
}

/** The SHA-256 (hex) of the canonical text, with Web Crypto (the browser and Node alike). */
export async function hashRepairOrderVersion(order: RepairOrder): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalRepairOrder(order));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
