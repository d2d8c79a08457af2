import type { jsPDF } from 'jspdf';
import { getClientDisplayName } from '../../../../domain/client/client-name';
import type { Client } from '../../../../domain/schemas/client';
import {
  DECISION_CHANNEL_LABELS,
  type Quote,
  type QuoteLine,
} from '../../../../domain/schemas/quote';
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
  ensureSpace,
  euros,
  MARGIN,
  PAGE_WIDTH,
  parisDate,
} from '../../../lib/pdf/document-kit';
import { drawLinesTable, pricedLineColumns } from '../../../lib/pdf/lines-table';
import { drawSignatureBox } from '../../../lib/pdf/signature-block';
import { type AmountRow, drawAmountRows, drawTotalsBlock } from '../../../lib/pdf/totals-block';

export type QuotePdfInput = {
  quote: Quote;
  settings: Pick<
    SettingsValues,
    'company' | 'vatExempt' | 'labourRates' | 'paymentTerms' | 'warrantyTerms'
  >;
  client: Client;
  vehicle: Vehicle | null;
  /** The day printed on a draft (a sent quote prints its sending date). */
  today: string;
};

/** The downloaded file's name: the quote number, or a draft's marker. */
export function quotePdfFileName(quote: Pick<Quote, 'number' | 'id'>): string {
  return quote.number ? `${quote.number}.pdf` : `devis-brouillon-${quote.id.slice(0, 8)}.pdf`;
}

/**
 * The printed quote, as a jsPDF document. Pure: the same code runs in the browser (loaded only
 * when someone previews, prints or downloads) and in Node tests.
 */
export function buildQuotePdf(input: QuotePdfInput): jsPDF {
  const { quote, settings, client, vehicle } = input;
  const doc = createDocument({
    title: quote.number ? `Devis ${quote.number}` : 'Devis (brouillon)',
    subject: `Devis pour ${getClientDisplayName(client)}`,
  });

  let y = drawCompanyHeader(doc, settings.company, settings.vatExempt, {
    title: 'DEVIS',
    reference: quote.number ?? 'BROUILLON',
    details: [
      quote.revision > 1 ? `Révision ${quote.revision}` : null,
      `Date : ${quote.sentAt ? parisDate(quote.sentAt) : calendarDate(input.today)}`,
      `Valable jusqu’au ${calendarDate(quote.validUntil)}`,
    ].filter((line): line is string => Boolean(line)),
  });

  y = drawBoxPair(
    doc,
    y,
    {
      title: 'Véhicule',
      lines: vehicle
        ? describeVehicle(vehicle, { km: quote.mileageKm })
        : ['Aucun véhicule rattaché'],
    },
    { title: 'Client', lines: describeClient(client), isFirstLineBold: true },
  );

  const isPartial = quote.status === 'partially_accepted';
  y =
    drawLinesTable<QuoteLine>(doc, {
      startY: y,
      columns: pricedLineColumns({
        vatExempt: settings.vatExempt,
        describe: (line) =>
          isPartial
            ? `${line.description}${line.accepted ? ' (accepté)' : ' (non retenu)'}`
            : line.description,
      }),
      sections: [{ groups: quote.jobs }],
    }) + 6;

  y = drawTotalsBlock(doc, y, { totals: quote.totals, vatExempt: settings.vatExempt });
  // A partial agreement: what the client accepted, on the accepted lines only.
  if (isPartial && quote.acceptedTotals) {
    const accepted = quote.acceptedTotals;
    const rows: AmountRow[] = [['Montant accepté HT', euros(accepted.exclVatCents)]];
    if (!settings.vatExempt) rows.push(['TVA sur le montant accepté', euros(accepted.vatCents)]);
    rows.push([
      settings.vatExempt ? 'Net à payer accepté' : 'Montant accepté TTC',
      euros(accepted.inclVatCents),
      true,
    ]);
    y = ensureSpace(doc, y + 2, rows.length * 6 + 6);
    y = drawAmountRows(doc, y, rows, { grandFontSize: 10.5, rule: true });
  }

  y = drawParagraphs(doc, y, quoteNotes(input));

  // "Bon pour accord" signature block.
  y = ensureSpace(doc, y + 2, 32);
  drawSignatureBox(
    doc,
    { x: PAGE_WIDTH - MARGIN - 85, y, width: 85, height: 30 },
    {
      title: 'Bon pour accord',
      prompts: ['Date :', 'Signature précédée de la mention « Bon pour accord » :'],
      signedLines:
        quote.decision?.signerName && quote.status !== 'refused'
          ? [`${quote.decision.signerName} — ${parisDate(quote.decision.decidedAt)}`]
          : [],
    },
  );

  drawFooters(doc, settings.company.legalFooter);
  return doc;
}

/** Labour rates, terms, remarks and the client's decision, under the totals. */
function quoteNotes({ quote, settings }: QuotePdfInput): string[] {
  const notes: string[] = [];
  const rates = describeLabourRates(settings.labourRates);
  if (rates) notes.push(rates);
  if (settings.paymentTerms) notes.push(`Conditions de paiement : ${settings.paymentTerms}`);
  if (settings.warrantyTerms) notes.push(`Garantie : ${settings.warrantyTerms}`);
  if (quote.notes) notes.push(`Remarques : ${quote.notes}`);
  if (quote.decision) {
    const decision = quote.decision;
    const verb =
      quote.status === 'refused'
        ? 'Refusé'
        : quote.status === 'partially_accepted'
          ? 'Accepté en partie'
          : 'Accepté';
    notes.push(
      `${verb} le ${parisDate(decision.decidedAt)}${decision.signerName ? ` par ${decision.signerName}` : ''} (${DECISION_CHANNEL_LABELS[decision.channel].toLowerCase()})${decision.reason ? ` — motif : ${decision.reason}` : ''}.`,
    );
  }
  return notes;
}
