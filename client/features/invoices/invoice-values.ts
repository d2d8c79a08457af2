import { isDeepEqual } from '../../../domain/merge/deep-equal';
import type {
  Invoice,
  InvoiceLine,
  InvoiceUpdate,
  OperationCategory,
} from '../../../domain/schemas/invoice';
import { createRecordMerge } from '../../lib/merge-outcome';

/** A draft's editable fields as the form holds them (text for the numbers being typed). */
export type InvoiceFormValues = {
  serviceDate: string;
  operationCategory: OperationCategory;
  dueDate: string;
  terms: string;
  /** Percent per year, French decimals: "12,15". */
  latePenaltyRate: string;
  earlyPaymentDiscount: string;
  mileageKm: string;
  note: string;
  /** The lines as sold; the editor sets each part's condition. */
  lines: InvoiceLine[];
};

const PERCENT = /^\d{1,4}([.,]\d{1,2})?$/;

/** 1215 → "12,15"; empty for none. */
export function formatPercent(bp: number | null): string {
  if (bp === null) return '';
  return (bp / 100)
    .toFixed(2)
    .replace(/\.?0+$/, '')
    .replace('.', ',');
}

/** "12,15" → 1215 basis points; null for an empty or unreadable text. */
export function parsePercentToBp(text: string): number | null {
  const trimmed = text.trim();
  if (!PERCENT.test(trimmed)) return null;
  const [whole = '0', fraction = ''] = trimmed.replace(',', '.').split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function toInvoiceValues(invoice: Invoice): InvoiceFormValues {
  return {
    serviceDate: invoice.serviceDate ?? '',
    operationCategory: invoice.operationCategory,
    dueDate: invoice.payment.dueDate ?? '',
    terms: invoice.payment.terms ?? '',
    latePenaltyRate: formatPercent(invoice.payment.latePenaltyRateBp),
    earlyPaymentDiscount: invoice.payment.earlyPaymentDiscount ?? '',
    mileageKm:
      invoice.vehicle?.mileageKm === null || !invoice.vehicle
        ? ''
        : String(invoice.vehicle.mileageKm),
    note: invoice.note ?? '',
    // A copy: the form's store must never write into the record (nor into its base).
    lines: invoice.lines.map((line) => ({ ...line })),
  };
}

/** The form's own check, before the server's: field errors by name. */
export function validateInvoiceValues(values: InvoiceFormValues): Record<string, string> | null {
  const errors: Record<string, string> = {};
  if (values.latePenaltyRate.trim() && parsePercentToBp(values.latePenaltyRate) === null) {
    errors.latePenaltyRate = 'Un taux en %, par exemple 12,15.';
  }
  if (values.mileageKm.trim() && !/^\d{1,7}$/.test(values.mileageKm.trim())) {
    errors.mileageKm = 'Un kilométrage en km, sans espace.';
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

const orNull = (text: string) => (text.trim() ? text.trim() : null);

/** The PATCH body (without its version): only what differs from what the form started from. */
export function toInvoicePatch(
  base: InvoiceFormValues,
  values: InvoiceFormValues,
): Omit<InvoiceUpdate, 'version'> {
  const patch: Omit<InvoiceUpdate, 'version'> = {};
  const payment: NonNullable<InvoiceUpdate['payment']> = {};
  if (values.serviceDate !== base.serviceDate) patch.serviceDate = orNull(values.serviceDate);
  if (values.operationCategory !== base.operationCategory) {
    patch.operationCategory = values.operationCategory;
  }
  if (values.dueDate !== base.dueDate) payment.dueDate = orNull(values.dueDate);
  if (values.terms !== base.terms) payment.terms = orNull(values.terms);
  if (values.latePenaltyRate !== base.latePenaltyRate) {
    payment.latePenaltyRateBp = parsePercentToBp(values.latePenaltyRate);
  }
  if (values.earlyPaymentDiscount !== base.earlyPaymentDiscount) {
    payment.earlyPaymentDiscount = orNull(values.earlyPaymentDiscount);
  }
  if (Object.keys(payment).length > 0) patch.payment = payment;
  if (values.mileageKm !== base.mileageKm) {
    patch.mileageKm = values.mileageKm.trim() ? Number(values.mileageKm.trim()) : null;
  }
  if (values.note !== base.note) patch.note = orNull(values.note);
  if (!isDeepEqual(values.lines, base.lines)) patch.lines = values.lines;
  return patch;
}

/** The draft's three-way merge, worded with the form's labels. */
export const mergeInvoiceValues = createRecordMerge<InvoiceFormValues>(
  {
    serviceDate: { label: 'Date de la prestation' },
    operationCategory: { label: 'Catégorie de l’opération' },
    dueDate: { label: 'Échéance' },
    terms: { label: 'Conditions de paiement' },
    latePenaltyRate: { label: 'Taux des pénalités de retard' },
    earlyPaymentDiscount: { label: 'Escompte' },
    mileageKm: { label: 'Kilométrage' },
    note: { label: 'Note' },
    lines: { label: 'Lignes', show: (lines) => `${lines.length} ligne(s)` },
  },
  (field, a, b) =>
    field === 'lines' ? isDeepEqual(a, b) : String(a ?? '').trim() === String(b ?? '').trim(),
);
