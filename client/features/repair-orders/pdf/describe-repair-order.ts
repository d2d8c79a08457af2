import {
  AMENDMENT_STATUS_LABELS,
  type Amendment,
  FUEL_LEVEL_LABELS,
  PART_CONDITION_LABELS,
  PIEC_CATEGORY_LABELS,
  PIEC_CHOICE_LABELS,
  type PiecCategory,
  REPAIR_ORDER_ORIGIN_LABELS,
  type RepairOrder,
  type RepairOrderLine,
  type Signature,
} from '../../../../domain/schemas/repair-order';
import { parisDateTime } from '../../../lib/pdf/document-kit';

/**
 * The repair order's printed sentences, apart from the layout: what the arrêté du 27 mars 1987
 * and the PIEC decree ask the OR to say, in French, from the record.
 */

/** The number of characters of a version hash printed under a signature. */
export const PRINTED_HASH_LENGTH = 12;

/** Where the work comes from: the quote's number, or a direct opening. */
export function describeOrigin(order: Pick<RepairOrder, 'origin' | 'quoteNumber'>): string {
  if (order.origin === 'quote' && order.quoteNumber) return `D’après le devis ${order.quoteNumber}`;
  return `Origine : ${REPAIR_ORDER_ORIGIN_LABELS[order.origin]}`;
}

/** The check-in, as the customer and the garage found the car (the mileage is the vehicle box's). */
export function describeCheckIn(order: Pick<RepairOrder, 'checkIn' | 'photos'>): string[] {
  const { checkIn } = order;
  return [
    checkIn.checkedInAt
      ? `Reçu le ${parisDateTime(checkIn.checkedInAt)}`
      : 'Réception non enregistrée',
    `Niveau de carburant : ${checkIn.fuelLevel ? FUEL_LEVEL_LABELS[checkIn.fuelLevel] : 'non relevé'}`,
    `Dégâts visibles : ${checkIn.damage ?? 'aucun signalé'}`,
    `Clés : ${checkIn.keysTag ? `étiquette ${checkIn.keysTag}` : 'sans étiquette'}`,
    order.photos.length > 0
      ? `Photos : ${order.photos.length} prise${order.photos.length > 1 ? 's' : ''} à la réception`
      : null,
    checkIn.notes ? `Observations : ${checkIn.notes}` : null,
  ].filter((line): line is string => Boolean(line));
}

/** The promise made to the customer and who does the work. */
export function describeSchedule(
  order: Pick<RepairOrder, 'promisedAt' | 'technicianName' | 'createdBy' | 'handBack'>,
): string[] {
  return [
    order.promisedAt
      ? `Restitution promise le ${parisDateTime(order.promisedAt)}`
      : 'Date de restitution : à convenir',
    order.technicianName ? `Technicien : ${order.technicianName}` : null,
    order.createdBy ? `Ordre établi par ${order.createdBy.name}` : null,
    order.handBack ? `Restitué le ${parisDateTime(order.handBack.handedBackAt)}` : null,
  ].filter((line): line is string => Boolean(line));
}

/**
 * A part's condition, and for a part of a PIEC category the customer's answer (or that it is
 * still to be asked): what the "Pièce" column prints. Empty for labour and fees.
 */
export function describePart(
  line: Pick<RepairOrderLine, 'kind' | 'partCondition' | 'piecCategory' | 'piecChoice'>,
): string {
  if (line.kind !== 'part') return '';
  const condition = line.partCondition ? PART_CONDITION_LABELS[line.partCondition] : null;
  const piec =
    line.piecCategory === null
      ? null
      : line.piecChoice
        ? PIEC_CHOICE_LABELS[line.piecChoice]
        : 'PIEC : choix à recueillir';
  return [condition, piec].filter(Boolean).join('\n');
}

/** The PIEC categories the OR's parts fall in, for the legend under the table. */
export function piecCategoriesOf(order: Pick<RepairOrder, 'jobs'>): PiecCategory[] {
  const categories = new Set<PiecCategory>();
  for (const job of order.jobs)
    for (const line of job.lines)
      if (line.kind === 'part' && line.piecCategory) categories.add(line.piecCategory);
  return [...categories];
}

/** The legend of the "Pièce" column; null when the OR has no part. */
export function describePartsLegend(order: Pick<RepairOrder, 'jobs'>): string | null {
  const hasPart = order.jobs.some((job) => job.lines.some((line) => line.kind === 'part'));
  if (!hasPart) return null;
  const parts =
    'Pièces neuves, en échange standard ou issues de l’économie circulaire, comme indiqué par ligne ; les pièces remplacées sont tenues à la disposition du client sur sa demande.';
  const categories = piecCategoriesOf(order).map((category) =>
    PIEC_CATEGORY_LABELS[category].toLowerCase(),
  );
  if (categories.length === 0) return parts;
  return `${parts} PIEC : pièces issues de l’économie circulaire, proposées pour les catégories de l’art. R. 224-23 du Code de la consommation (ici : ${categories.join(', ')}) ; le choix du client figure sur chaque ligne concernée.`;
}

/** `Travaux supplémentaires n° 2 — Refusés : travaux à prévoir`. */
export function describeAmendmentHeading(amendment: Amendment, index: number): string {
  const status =
    amendment.status === 'refused'
      ? `${AMENDMENT_STATUS_LABELS.refused} : travaux à prévoir`
      : AMENDMENT_STATUS_LABELS[amendment.status];
  return `Travaux supplémentaires n° ${index + 1} — ${status}`;
}

/**
 * What was found, who proposed it, and how the customer answered: by signature (who, when), by
 * phone (who called whom, when), or not yet (no work starts before).
 */
export function describeAmendmentDecision(
  amendment: Amendment,
  signatures: readonly Signature[],
): string {
  const parts = [
    amendment.note ? `Constat : ${amendment.note}` : null,
    `Proposés le ${parisDateTime(amendment.createdAt)}${amendment.createdBy ? ` par ${amendment.createdBy.name}` : ''}`,
  ];
  const decision = amendment.decision;
  if (!decision) {
    parts.push('En attente de l’accord du client : ces travaux ne sont pas commencés sans lui');
    return joinParts(parts);
  }
  const verb = decision.decision === 'authorised' ? 'Autorisés' : 'Refusés';
  if (decision.channel === 'phone' && decision.call) {
    const { caller, callee, calledAt } = decision.call;
    parts.push(
      `${verb} par téléphone : appel de ${caller} à ${callee} le ${parisDateTime(calledAt)}${decision.recordedBy ? `, noté par ${decision.recordedBy.name}` : ''}`,
    );
  } else {
    const signature = signatures.find((candidate) => candidate.id === decision.signatureId);
    parts.push(
      signature
        ? `${verb} par la signature de ${signature.signerName} le ${parisDateTime(signature.signedAt)}`
        : `${verb} le ${parisDateTime(decision.decidedAt)}${decision.channel === 'phone' ? ' par téléphone' : ' par signature'}`,
    );
  }
  if (decision.reason) parts.push(`motif : ${decision.reason}`);
  return joinParts(parts);
}

const joinParts = (parts: ReadonlyArray<string | null>) => `${parts.filter(Boolean).join(' — ')}.`;

/** Under a signature: who signed, when, and which version of the OR (its hash's start). */
export function describeSignature(signature: Signature): string[] {
  return [
    `${signature.signerName}, le ${parisDateTime(signature.signedAt)}`,
    `Version ${signature.version} signée, empreinte ${signature.versionHash.slice(0, PRINTED_HASH_LENGTH)}`,
    signature.recordedBy ? `Recueillie par ${signature.recordedBy.name}` : null,
  ].filter((line): line is string => Boolean(line));
}

/** The hand-back checklist as ticked, with the declined work reminded to the customer. */
export function describeHandBack(order: RepairOrder): string[] {
  const handBack = order.handBack;
  if (!handBack) return [];
  const answer = (isDone: boolean) => (isDone ? 'oui' : 'non');
  const declined = order.amendments
    .filter((amendment) => amendment.status === 'refused')
    .flatMap((amendment) => order.jobs.filter((job) => job.amendmentId === amendment.id))
    .map((job) => job.title);
  return [
    `Véhicule restitué le ${parisDateTime(handBack.handedBackAt)}${handBack.handedBackBy ? ` par ${handBack.handedBackBy.name}` : ''}`,
    `Travaux réalisés et vérifiés : ${answer(handBack.checklist.workDone)}`,
    `Travaux refusés rappelés au client : ${answer(handBack.checklist.declinedWorkReminded)}${declined.length > 0 ? ` (travaux à prévoir : ${declined.join(', ')})` : ''}`,
    `Prochaines échéances rappelées (contrôle technique, entretien) : ${answer(handBack.checklist.nextDueReminded)}`,
  ];
}
