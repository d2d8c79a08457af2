import { hashRepairOrderVersion } from '../../domain/repair-order/version-hash';
import type { RepairOrder, SignatureKind } from '../../domain/schemas/repair-order';
import type { Actor, Deps } from '../deps';
import {
  createAmendment,
  createRepairOrder,
  handBackRepairOrder,
  signRepairOrder,
  transitionRepairOrder,
  updateRepairOrder,
} from '../features/repair-orders/repair-orders.service';
import { getVehicle } from '../features/vehicles/vehicles.service';
import { demoSignaturePng } from './signature-png';

const FUEL = ['quarter', 'half', 'three_quarters', 'full', 'reserve'] as const;
const DAMAGE = [null, 'Rayure pare-chocs arrière droit', null, 'Jante avant gauche frottée', null];

/** Where each demo OR stands on the board, in order: one of each column, and a few more. */
const STAGES = [
  'todo',
  'checked_in',
  'in_progress',
  'in_progress_late',
  'waiting_parts',
  'waiting_approval',
  'in_progress',
  'done',
  'handed_back',
] as const;
type Stage = (typeof STAGES)[number];

/** `now` plus some hours, on the quarter hour: a promise as the counter gives one. */
function promiseIn(now: Date, hours: number): string {
  const quarter = 15 * 60_000;
  return new Date(Math.ceil((now.getTime() + hours * 3_600_000) / quarter) * quarter).toISOString();
}

async function sign(
  deps: Deps,
  actor: Actor,
  order: RepairOrder,
  kind: SignatureKind,
  signerName: string,
  extra: { amendmentId?: string } = {},
): Promise<RepairOrder> {
  return signRepairOrder(deps, actor, order.id, {
    version: order.version,
    kind,
    signerName,
    image: demoSignaturePng(order.number.length + kind.length),
    versionHash: await hashRepairOrderVersion(order),
    ...extra,
  });
}

const move = (deps: Deps, actor: Actor, order: RepairOrder, to: RepairOrder['status']) =>
  transitionRepairOrder(deps, actor, order.id, { to, version: order.version });

async function bring(
  deps: Deps,
  actor: Actor,
  opened: RepairOrder,
  stage: Stage,
  index: number,
): Promise<void> {
  const now = deps.now();
  // The dashboard read at the counter: a little above the vehicle's last known reading.
  const { lastMileage } = await getVehicle(deps, actor, opened.vehicleId);
  let order = await updateRepairOrder(deps, actor, opened.id, {
    version: opened.version,
    mileageKm: lastMileage ? lastMileage.km + 150 + index * 37 : null,
    fuelLevel: FUEL[index % FUEL.length]!,
    damage: DAMAGE[index % DAMAGE.length] ?? null,
    checkInNotes: index % 3 === 0 ? 'Client attend un appel avant 17 h' : null,
    keysTag: `C${String(index + 1).padStart(2, '0')}`,
    // The late one was promised for a moment ago, the others later today or tomorrow.
    promisedAt: promiseIn(now, stage === 'in_progress_late' ? -0.5 : 2 + (index % 4) * 3),
  });
  if (stage === 'todo') return;
  const signer = order.clientName.replace(/^(M\.|Mme|Mlle)\s+/, '');
  order = await sign(deps, actor, order, 'check_in', signer);
  if (stage === 'checked_in') return;
  order = await move(deps, actor, order, 'in_progress');
  if (stage === 'waiting_parts') {
    await move(deps, actor, order, 'waiting_parts');
    return;
  }
  if (stage === 'waiting_approval') {
    await createAmendment(deps, actor, order.id, {
      version: order.version,
      note: 'Plaquettes arrière à 2 mm, constaté au démontage',
      jobs: [
        {
          title: 'Remplacement plaquettes arrière',
          technicianId: null,
          lines: [
            {
              kind: 'part',
              description: 'Jeu de plaquettes arrière',
              reference: 'PLQ-AR-2231',
              quantity: 1,
              unit: 'pièce',
              unitPriceCents: 4_890,
              vatRateBp: 2000,
              discountBp: 0,
              piecCategory: null,
              piecChoice: null,
              partCondition: 'new',
            },
            {
              kind: 'labour',
              description: 'Main-d’œuvre plaquettes arrière',
              reference: null,
              quantity: 0.8,
              unit: 'h',
              unitPriceCents: 6_500,
              vatRateBp: 2000,
              discountBp: 0,
              piecCategory: null,
              piecChoice: null,
              partCondition: null,
            },
          ],
        },
      ],
    });
    return;
  }
  if (stage === 'in_progress' || stage === 'in_progress_late') return;
  order = await move(deps, actor, order, 'done');
  if (stage === 'done') return;
  order = await sign(deps, actor, order, 'hand_back', signer);
  const signature = order.signatures.at(-1)!;
  await handBackRepairOrder(deps, actor, order.id, {
    version: order.version,
    checklist: { workDone: true, declinedWorkReminded: true, nextDueReminded: true },
    signatureId: signature.id,
  });
}

/**
 * The demo's workshop: repair orders from the most recent accepted quotes, one or more in each
 * column of the board (one waiting for the customer's answer on extra work, one late, one handed
 * back today), made through the service as the counter would.
 */
export async function seedRepairOrders(
  deps: Deps,
  actor: Actor,
  acceptedQuoteIds: readonly string[],
): Promise<{ handedBackIds: string[] }> {
  const handedBackIds: string[] = [];
  for (const [index, quoteId] of acceptedQuoteIds.slice(0, STAGES.length).entries()) {
    const opened = await createRepairOrder(deps, actor, {
      quoteId,
      promisedAt: null,
      technicianId: null,
    });
    await bring(deps, actor, opened, STAGES[index]!, index);
    if (STAGES[index] === 'handed_back') handedBackIds.push(opened.id);
  }
  return { handedBackIds };
}
