import { todayInParis } from '../../../domain/dates';
import type { Quote } from '../../../domain/schemas/quote';
import type { Settings } from '../../../domain/schemas/settings';
import { getClient } from '../clients/clients.api';
import { getVehicle } from '../vehicles/vehicles.api';

/**
 * The quote's PDF drawn in the browser from the saved version, for « Télécharger » and for
 * « Envoyer par e-mail » alike: the builder (and jsPDF with it) loads on first use.
 */
export async function renderQuotePdf(quote: Quote, settings: Settings) {
  const [{ buildQuotePdf, quotePdfFileName }, client, vehicle] = await Promise.all([
    import('./pdf/build-quote-pdf'),
    getClient(quote.clientId),
    quote.vehicleId ? getVehicle(quote.vehicleId) : Promise.resolve(null),
  ]);
  const doc = buildQuotePdf({ quote, settings, client, vehicle, today: todayInParis(new Date()) });
  return { doc, fileName: quotePdfFileName(quote) };
}

/** The document's bytes as base64, for the JSON body of the send. */
export function toBase64(bytes: ArrayBuffer): string {
  const view = new Uint8Array(bytes);
  let binary = '';
  // In slices: String.fromCharCode over a whole PDF would overflow the call stack.
  for (let start = 0; start < view.length; start += 0x8000) {
    binary += String.fromCharCode(...view.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}
