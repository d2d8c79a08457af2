import { buildInvoiceMentions } from '../../../../domain/invoice/mentions';
import { getSiren } from '../../../../domain/invoice/snapshots';
import type { InvoiceTotals } from '../../../../domain/invoice/totals';
import { formatQuantity } from '../../../../domain/money';
import type {
  Invoice,
  InvoiceBuyer,
  InvoiceSeller,
  SnapshotAddress,
} from '../../../../domain/schemas/invoice';
import { formatPhone } from '../../../lib/format';
import { type Company, calendarDate, euros } from '../../../lib/pdf/document-kit';

/**
 * The invoice's printed text, box by box: what the parties' snapshots say (decision 0017) and
 * the legal mentions in `buildInvoiceMentions`' wording, the one the CII's notes carry.
 */

/** `812345676` → `812 345 676`; a SIRET gets its NIC apart: `812 345 676 00017`. */
export function formatSirenOrSiret(digits: string): string {
  return digits.replace(/^(\d{3})(\d{3})(\d{3})(\d*)$/, '$1 $2 $3 $4').trim();
}

/**
 * The seller snapshot as the kit's header draws a company (no logo: the snapshot has none), the
 * phone as the French read it.
 */
export function toHeaderCompany(seller: InvoiceSeller): Company {
  return {
    name: seller.name,
    legalForm: seller.legalForm,
    capital: seller.capital,
    address: seller.address,
    siret: seller.siret,
    registry: seller.registry,
    vatNumber: seller.vatNumber,
    phone: seller.phone ? formatPhone(seller.phone) : null,
    email: seller.email,
    website: null,
    logo: null,
    legalFooter: null,
  };
}

/** The seller's identity once more at the foot of every page, SIREN first. */
export function describeSellerFooter(seller: InvoiceSeller): string {
  const siren = getSiren(seller.siret);
  return [
    seller.name,
    [seller.legalForm, seller.capital ? `au capital de ${seller.capital}` : null]
      .filter(Boolean)
      .join(' '),
    siren ? `SIREN ${formatSirenOrSiret(siren)}` : null,
    seller.registry,
    seller.vatNumber ? `TVA ${seller.vatNumber}` : null,
  ]
    .filter(Boolean)
    .join(' — ');
}

function describeAddress(address: SnapshotAddress): string[] {
  return [
    ...(address.street ?? '').split('\n'),
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.country !== 'FR' ? address.country : null,
  ].filter((line): line is string => Boolean(line));
}

/** The client box: name, address and, for a business, SIREN, SIRET and VAT number. */
export function describeBuyer(buyer: InvoiceBuyer): string[] {
  const siren = getSiren(buyer.siret);
  return [
    buyer.name,
    ...describeAddress(buyer.address),
    siren ? `SIREN ${formatSirenOrSiret(siren)}` : null,
    buyer.siret ? `SIRET ${formatSirenOrSiret(buyer.siret)}` : null,
    buyer.vatNumber ? `N° TVA intracommunautaire ${buyer.vatNumber}` : null,
  ].filter((line): line is string => Boolean(line));
}

export function describeDeliveryAddress(buyer: InvoiceBuyer): string[] | null {
  return buyer.deliveryAddress ? [buyer.name, ...describeAddress(buyer.deliveryAddress)] : null;
}

export function describeInvoiceVehicle(vehicle: Invoice['vehicle']): string[] {
  if (!vehicle) return ['Aucun véhicule rattaché'];
  return [
    `Immatriculation : ${vehicle.plate}`,
    vehicle.label,
    vehicle.mileageKm === null ? null : `Kilométrage : ${formatQuantity(vehicle.mileageKm)} km`,
  ].filter((line): line is string => Boolean(line));
}

/**
 * The header's lines under the number: the dates, the corrected invoice, the due date (a credit
 * note's refund date), the OR.
 */
export function describeInvoiceDates(invoice: Invoice): string[] {
  const goods = invoice.operationCategory === 'goods';
  return [
    `Date : ${invoice.issueDate ? calendarDate(invoice.issueDate) : 'à l’émission'}`,
    invoice.serviceDate
      ? `${goods ? 'Date de livraison' : 'Date de la prestation'} : ${calendarDate(invoice.serviceDate)}`
      : null,
    invoice.corrects
      ? `Sur la facture ${invoice.corrects.number} du ${calendarDate(invoice.corrects.issueDate)}`
      : null,
    invoice.payment.dueDate
      ? `${invoice.kind === 'credit_note' ? 'Remboursement' : 'Échéance'} : ${calendarDate(invoice.payment.dueDate)}`
      : null,
    invoice.origin.repairOrderNumber
      ? `Ordre de réparation ${invoice.origin.repairOrderNumber}`
      : null,
  ].filter((line): line is string => Boolean(line));
}

/** The operation box: its category, the quote it comes from, the VAT-on-debits option. */
export function describeOperation(invoice: Invoice): string[] {
  const mentions = buildInvoiceMentions(invoice);
  return [
    mentions.operation,
    invoice.origin.quoteNumber ? `Devis ${invoice.origin.quoteNumber}` : null,
    invoice.seller.vatOnDebits && mentions.tax ? mentions.tax : null,
  ].filter((line): line is string => Boolean(line));
}

/** The deducted deposits and what is left to pay, under the totals of a final invoice. */
export function describePrepaidRows(
  invoice: Invoice,
  totals: InvoiceTotals,
): Array<[label: string, amount: string, isGrand?: boolean]> {
  if (invoice.deductedDeposits.length === 0) return [];
  return [
    ...invoice.deductedDeposits.map((deposit): [string, string] => [
      `Acompte ${deposit.number} du ${calendarDate(deposit.issueDate)}`,
      `− ${euros(deposit.amountInclVatCents)}`,
    ]),
    ['Net à payer', euros(totals.duePayableCents), true],
  ];
}

/** The payment mentions, in the order a reader looks for them, then the note. */
export function describePaymentNotes(invoice: Invoice, totals: InvoiceTotals): string[] {
  const mentions = buildInvoiceMentions(invoice);
  const { payment } = invoice;
  const isCredit = invoice.kind === 'credit_note';
  return [
    isCredit && invoice.corrects
      ? `Avoir de ${euros(totals.duePayableCents)} sur la facture ${invoice.corrects.number} du ${calendarDate(invoice.corrects.issueDate)}.`
      : null,
    invoice.kind === 'deposit'
      ? 'Facture d’acompte : le montant versé sera déduit de la facture définitive.'
      : null,
    payment.terms ? `Conditions de paiement : ${payment.terms}` : null,
    mentions.latePenalties,
    mentions.recoveryIndemnity,
    mentions.earlyPaymentDiscount,
    invoice.note ? `Remarques : ${invoice.note}` : null,
    invoice.status === 'draft'
      ? 'Brouillon : ce document n’est pas une facture tant qu’il n’est pas émis.'
      : null,
  ].filter((line): line is string => Boolean(line));
}
