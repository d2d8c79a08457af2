import type { jsPDF } from 'jspdf';
import { getClientDisplayName } from '../../../../domain/client/client-name';
import { formatQuantity } from '../../../../domain/money';
import type { Client } from '../../../../domain/schemas/client';
import type {
  RepairOrder,
  RepairOrderLine,
  Signature,
} from '../../../../domain/schemas/repair-order';
import type { SettingsValues } from '../../../../domain/schemas/settings';
import type { Vehicle } from '../../../../domain/schemas/vehicle';
import {
  calendarDate,
  createDocument,
  describeClient,
  describeLabourRates,
  describeVehicle,
  drawBoxPair,
  drawCompanyHeader,
  drawFooters,
  drawParagraphs,
  drawRunningHeaders,
  drawSectionTitle,
  drawWideBox,
  parisDateTime,
} from '../../../lib/pdf/document-kit';
import { drawLinesTable, type LineSection, pricedLineColumns } from '../../../lib/pdf/lines-table';
import { drawSignatureRows, type SignatureBox } from '../../../lib/pdf/signature-block';
import { drawTotalsBlock } from '../../../lib/pdf/totals-block';
import {
  describeAmendmentDecision,
  describeAmendmentHeading,
  describeCheckIn,
  describeHandBack,
  describeOrigin,
  describePart,
  describePartsLegend,
  describeSchedule,
  describeSignature,
} from './describe-repair-order';

export type RepairOrderPdfInput = {
  order: RepairOrder;
  settings: Pick<SettingsValues, 'company' | 'labourRates' | 'paymentTerms' | 'warrantyTerms'>;
  client: Client;
  /** Null when it could not be loaded: the OR's own plate and label print instead. */
  vehicle: Vehicle | null;
  /** The drawn signatures, by signature id, as PNG data URLs. */
  signatureImages: Readonly<Record<string, string>>;
  /** The day the copy is printed. */
  today: string;
};

const SIGNATURE_BOX_HEIGHT = 46;

/** The downloaded file's name: `OR-2026-00042.pdf`. */
export function repairOrderPdfFileName(order: Pick<RepairOrder, 'number'>): string {
  return `${order.number}.pdf`;
}

/**
 * The printed repair order, as a jsPDF document: what the arrêté du 27 mars 1987 asks of it (the
 * garage, the customer, the vehicle and its check-in, the work ordered with its prices and the
 * labour rates, the quote it comes from, the delivery promised), each part's condition and PIEC
 * answer, the extra work and how it was authorised, and the signatures with what they signed.
 * Its VAT follows the OR's own `vatExempt` (frozen at opening, like its totals).
 */
export function buildRepairOrderPdf(input: RepairOrderPdfInput): jsPDF {
  const { order, settings, client } = input;
  const doc = createDocument({
    title: `Ordre de réparation ${order.number}`,
    subject: `Ordre de réparation pour ${getClientDisplayName(client)}`,
  });

  let y = drawCompanyHeader(doc, settings.company, order.vatExempt, {
    title: 'ORDRE DE RÉPARATION',
    titleSize: 16,
    reference: order.number,
    details: [
      `Ouvert le ${parisDateTime(order.createdAt)}`,
      describeOrigin(order),
      `Édité le ${calendarDate(input.today)}`,
    ],
  });

  y = drawBoxPair(
    doc,
    y,
    {
      title: 'Véhicule',
      lines: input.vehicle
        ? describeVehicle(input.vehicle, {
            km: order.checkIn.mileageKm,
            label: 'Kilométrage à l’arrivée',
          })
        : [
            `Immatriculation : ${order.vehiclePlate}`,
            order.vehicleLabel,
            ...(order.checkIn.mileageKm === null
              ? []
              : [`Kilométrage à l’arrivée : ${formatQuantity(order.checkIn.mileageKm)} km`]),
          ],
    },
    { title: 'Client', lines: describeClient(client), isFirstLineBold: true },
  );
  y = drawBoxPair(
    doc,
    y - 3,
    { title: 'Réception du véhicule', lines: describeCheckIn(order) },
    { title: 'Délai et suivi', lines: describeSchedule(order) },
  );

  y =
    drawLinesTable<RepairOrderLine>(doc, {
      startY: y,
      fontSize: 8,
      cellPadding: 1.3,
      columns: pricedLineColumns<RepairOrderLine>({
        vatExempt: order.vatExempt,
        compact: true,
        extra: [{ header: 'Pièce', width: 40, cell: describePart }],
      }),
      sections: workSections(order),
    }) + 4;
  const legend = describePartsLegend(order);
  if (legend) y = drawParagraphs(doc, y, [legend]) + 1;

  // The title stays on the page of the amounts (the block's own room, as it asks it).
  const amountRows = order.vatExempt ? 2 : order.totals.byRate.length + 2;
  y = drawSectionTitle(doc, y + 2, 'Montant des travaux autorisés', amountRows * 6 + 10);
  y = drawTotalsBlock(doc, y, { totals: order.totals, vatExempt: order.vatExempt });
  y = drawParagraphs(doc, y, orderNotes(input));

  if (order.handBack) {
    y = drawWideBox(doc, y + 2, {
      title: 'Restitution du véhicule',
      lines: describeHandBack(order),
    });
  }

  y = drawSectionTitle(doc, y + 2, 'Signatures', SIGNATURE_BOX_HEIGHT);
  drawSignatureRows(doc, y - 2, signatureBoxes(input), SIGNATURE_BOX_HEIGHT);

  drawRunningHeaders(
    doc,
    `Ordre de réparation ${order.number} — ${order.vehiclePlate} — ${getClientDisplayName(client)}`,
  );
  drawFooters(doc, settings.company.legalFooter);
  return doc;
}

/** The work ordered, then each amendment under its heading (grey unless authorised). */
function workSections(order: RepairOrder): LineSection<RepairOrderLine>[] {
  const ordered = order.jobs.filter((job) => job.amendmentId === null);
  return [
    { heading: 'Travaux commandés', groups: ordered },
    ...order.amendments.map((amendment, index) => ({
      heading: describeAmendmentHeading(amendment, index),
      detail: describeAmendmentDecision(amendment, order.signatures),
      isMuted: amendment.status !== 'authorised',
      groups: order.jobs.filter((job) => job.amendmentId === amendment.id),
    })),
  ];
}

function orderNotes({ order, settings }: RepairOrderPdfInput): string[] {
  const hasUnauthorised = order.amendments.some((amendment) => amendment.status !== 'authorised');
  return [
    hasUnauthorised
      ? 'Ce montant comprend les travaux commandés et les travaux supplémentaires autorisés ; il exclut ceux en attente d’accord ou refusés.'
      : null,
    describeLabourRates(settings.labourRates, {
      vatExempt: order.vatExempt,
      withInclVat: true,
    }),
    settings.paymentTerms ? `Conditions de paiement : ${settings.paymentTerms}` : null,
    settings.warrantyTerms ? `Garantie : ${settings.warrantyTerms}` : null,
    order.notes ? `Remarques : ${order.notes}` : null,
  ].filter((note): note is string => Boolean(note));
}

/**
 * The check-in and hand-back boxes, always (an unsigned one is signed on paper), then one per
 * amendment the customer signed.
 */
function signatureBoxes({ order, signatureImages }: RepairOrderPdfInput): SignatureBox[] {
  const latest = (kind: Signature['kind']) =>
    order.signatures
      .filter((signature) => signature.kind === kind)
      .sort((a, b) => a.signedAt.localeCompare(b.signedAt))
      .at(-1);
  const handBackSignature = order.handBack
    ? order.signatures.find((signature) => signature.id === order.handBack?.signatureId)
    : latest('hand_back');
  const box = (title: string, prompt: string, signature: Signature | undefined): SignatureBox => {
    if (!signature) return { title, prompts: [prompt, 'Date et signature du client :'] };
    const image = signatureImages[signature.id];
    return {
      title,
      prompts: image ? [prompt] : [prompt, '(image de la signature non jointe)'],
      image,
      signedLines: describeSignature(signature),
    };
  };
  const boxes = [
    box(
      'Réception : accord du client',
      'Le client confie le véhicule et autorise les travaux commandés ci-dessus.',
      latest('check_in'),
    ),
    box(
      'Restitution du véhicule',
      'Le client reprend le véhicule, les travaux réalisés.',
      handBackSignature,
    ),
  ];
  order.amendments.forEach((amendment, index) => {
    const signatureId = amendment.decision?.signatureId;
    const signature = order.signatures.find((candidate) => candidate.id === signatureId);
    if (signature) {
      boxes.push(
        box(
          `Travaux supplémentaires n° ${index + 1}`,
          amendment.status === 'authorised'
            ? 'Le client autorise ces travaux supplémentaires.'
            : 'Le client refuse ces travaux supplémentaires.',
          signature,
        ),
      );
    }
  });
  return boxes;
}
