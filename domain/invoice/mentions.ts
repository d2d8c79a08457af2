import { formatPercentBp } from '../money';
import { VAT_EXEMPTION_MENTION } from '../quote/vat';
import { type InvoiceContent, OPERATION_CATEGORY_LABELS } from '../schemas/invoice';

/**
 * The legal mentions' wording, one implementation for the PDF and the CII's notes (BT-22 with
 * the subject codes the French rules ask for: PMT, PMD, AAB, TXD; decision 0017).
 */

export const VAT_ON_DEBITS_MENTION = 'Option pour le paiement de la taxe d’après les débits';
export const NO_EARLY_PAYMENT_DISCOUNT_MENTION = 'Pas d’escompte pour paiement anticipé.';

export type InvoiceMentions = {
  /** PMT: the 40 € recovery indemnity (businesses only, said so for a private person). */
  recoveryIndemnity: string;
  /** PMD: the late-payment penalties; null until a rate is set (the compliance check says so). */
  latePenalties: string | null;
  /** AAB: the early-payment discount or its absence. */
  earlyPaymentDiscount: string;
  /** TXD: the VAT franchise, or the option for VAT on debits; null otherwise. */
  tax: string | null;
  /** The category of the operation (goods, services or both). */
  operation: string;
  /** The vehicle and the OR it was repaired under. */
  vehicle: string | null;
};

export function buildInvoiceMentions(
  invoice: Pick<
    InvoiceContent,
    'seller' | 'buyer' | 'payment' | 'operationCategory' | 'vehicle' | 'origin'
  >,
): InvoiceMentions {
  const { seller, buyer, payment, vehicle, origin } = invoice;
  const recoveryIndemnity =
    buyer.kind === 'business'
      ? 'Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 € (Code de commerce, art. L. 441-10 et D. 441-5).'
      : 'Indemnité forfaitaire pour frais de recouvrement : sans objet (client non professionnel).';
  const latePenalties =
    payment.latePenaltyRateBp === null
      ? null
      : `Pénalités de retard : ${formatPercentBp(payment.latePenaltyRateBp)} % par an, exigibles dès le lendemain de la date d’échéance.`;
  const tax = seller.vatExempt
    ? VAT_EXEMPTION_MENTION
    : seller.vatOnDebits
      ? VAT_ON_DEBITS_MENTION
      : null;
  const vehicleParts = vehicle
    ? [
        `Véhicule : ${vehicle.plate}`,
        vehicle.label,
        vehicle.mileageKm === null
          ? null
          : `${new Intl.NumberFormat('fr-FR').format(vehicle.mileageKm).replace(/\s/gu, ' ')} km`,
        origin.repairOrderNumber ? `ordre de réparation ${origin.repairOrderNumber}` : null,
      ].filter(Boolean)
    : [];
  return {
    recoveryIndemnity,
    latePenalties,
    earlyPaymentDiscount: payment.earlyPaymentDiscount ?? NO_EARLY_PAYMENT_DISCOUNT_MENTION,
    tax,
    operation: `Catégorie de l’opération : ${OPERATION_CATEGORY_LABELS[invoice.operationCategory]}.`,
    vehicle: vehicleParts.length > 0 ? vehicleParts.join(', ') : null,
  };
}
