import { toParisDate } from '../dates';
import type { InvoiceContent, InvoiceLine, OperationCategory } from '../schemas/invoice';
import { isJobAuthorised, type RepairOrder } from '../schemas/repair-order';
import type { SettingsValues } from '../schemas/settings';
import { toInvoiceBuyer, toInvoiceSeller } from './snapshots';

/**
 * The draft an OR becomes (decision 0017): the authorised work's lines as they were sold (the
 * same totals to the cent: the OR's VAT regime is kept), the parties as they are now, the
 * mileage read at check-in, the hand-back's day as the service date. The user edits the rest
 * (due date, category) before issuing.
 */

/** Goods, services or both, from the lines: parts are goods, labour and fees services. */
export function getOperationCategory(lines: ReadonlyArray<{ kind: string }>): OperationCategory {
  const hasGoods = lines.some((line) => line.kind === 'part');
  const hasServices = lines.some((line) => line.kind !== 'part');
  if (hasGoods && hasServices) return 'mixed';
  return hasGoods ? 'goods' : 'services';
}

export function toInvoiceLinesFromRepairOrder(
  order: Pick<RepairOrder, 'jobs' | 'amendments'>,
): InvoiceLine[] {
  return order.jobs
    .filter((job) => isJobAuthorised(order, job))
    .flatMap((job) =>
      job.lines.map((line) => ({
        kind: line.kind,
        description: line.description,
        reference: line.reference,
        quantity: line.quantity,
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        vatRateBp: line.vatRateBp,
        discountBp: line.discountBp,
        partCondition: line.kind === 'part' ? line.partCondition : null,
      })),
    );
}

export function buildInvoiceDraftFromRepairOrder({
  order,
  client,
  settings,
  vatOnDebits,
  latePenaltyRateBp,
}: {
  order: RepairOrder;
  client: Parameters<typeof toInvoiceBuyer>[0];
  settings: Pick<SettingsValues, 'company' | 'vatExempt' | 'paymentTerms'>;
  vatOnDebits: boolean;
  latePenaltyRateBp: number | null;
}): InvoiceContent {
  const lines = toInvoiceLinesFromRepairOrder(order);
  return {
    kind: 'invoice',
    seller: toInvoiceSeller(
      { company: settings.company, vatExempt: order.vatExempt },
      { vatOnDebits },
    ),
    buyer: toInvoiceBuyer(client),
    vehicle: {
      vehicleId: order.vehicleId,
      plate: order.vehiclePlate,
      mileageKm: order.checkIn.mileageKm,
      label: order.vehicleLabel || null,
    },
    serviceDate: order.handBack ? toParisDate(order.handBack.handedBackAt) : null,
    operationCategory: getOperationCategory(lines),
    lines,
    payment: {
      dueDate: null,
      terms: settings.paymentTerms,
      latePenaltyRateBp,
      earlyPaymentDiscount: null,
    },
    corrects: null,
    deductedDeposits: [],
    origin: {
      repairOrderId: order.id,
      repairOrderNumber: order.number,
      quoteId: order.quoteId,
      quoteNumber: order.quoteNumber,
    },
    note: null,
  };
}
