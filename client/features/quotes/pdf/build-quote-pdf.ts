import { jsPDF } from 'jspdf';
import { autoTable, type CellDef, type RowInput } from 'jspdf-autotable';
import { CIVILITY_LABELS, getClientDisplayName } from '../../../../domain/client/client-name';
import { formatEurosForPdf, formatQuantity, normalizeSpacesForPdf } from '../../../../domain/money';
import { formatVatRate, VAT_EXEMPTION_MENTION } from '../../../../domain/quote/vat';
import type { Client } from '../../../../domain/schemas/client';
import { DECISION_CHANNEL_LABELS, type Quote } from '../../../../domain/schemas/quote';
import { PRICING_METHOD_LABELS, type SettingsValues } from '../../../../domain/schemas/settings';
import { FUEL_LABELS, type Vehicle } from '../../../../domain/schemas/vehicle';

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

const MARGIN = 15;
const PAGE_WIDTH = 210;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
const FOOTER_SPACE = 22;
const INK: [number, number, number] = [28, 39, 51];
const MUTED: [number, number, number] = [93, 107, 122];
const ACCENT: [number, number, number] = [31, 78, 121];

/** Standard PDF fonts draw WinAnsi only: Intl's narrow no-break spaces become plain ones. */
const safe = (text: string | null | undefined): string => normalizeSpacesForPdf(text ?? '');
const euros = (cents: number) => formatEurosForPdf(cents);
/** Basis points as a percentage: the VAT rates' formatting fits discounts too (1000 → 10 %). */
const percent = formatVatRate;

function calendar(date: string | null): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

function parisDate(instant: string): string {
  return new Intl.DateTimeFormat('fr-FR', {
    timeZone: 'Europe/Paris',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date(instant));
}

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
  const company = settings.company;
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
  doc.setProperties({
    title: quote.number ? `Devis ${quote.number}` : 'Devis (brouillon)',
    subject: `Devis pour ${getClientDisplayName(client)}`,
    creator: 'GestionPro',
  });
  doc.setTextColor(...INK);

  // Company identity, top left (with the logo when there is one).
  let y = MARGIN;
  let companyX = MARGIN;
  if (company.logo) {
    try {
      const format = company.logo.startsWith('data:image/png') ? 'PNG' : 'JPEG';
      doc.addImage(company.logo, format, MARGIN, y, 28, 28, undefined, 'FAST');
      companyX = MARGIN + 32;
    } catch {
      // An unreadable image must not stop the quote: it prints without its logo.
    }
  }
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(14);
  doc.text(safe(company.name ?? ''), companyX, y + 5);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8.5);
  const identity = [
    [company.legalForm, company.capital ? `au capital de ${company.capital}` : null]
      .filter(Boolean)
      .join(' '),
    company.address.street,
    [company.address.postalCode, company.address.city].filter(Boolean).join(' '),
    [company.phone ? `Tél. ${company.phone}` : null, company.email].filter(Boolean).join(' · '),
    company.siret
      ? `SIRET ${company.siret.replace(/(\d{3})(\d{3})(\d{3})(\d{5})/, '$1 $2 $3 $4')}`
      : null,
    company.registry,
    company.vatNumber && !settings.vatExempt
      ? `N° TVA intracommunautaire ${company.vatNumber}`
      : null,
  ].filter((line): line is string => Boolean(line));
  for (const [index, line] of identity.entries())
    doc.text(safe(line), companyX, y + 10 + index * 3.8);
  const identityBottom = y + 10 + identity.length * 3.8;

  // Title block, top right.
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(20);
  doc.setTextColor(...ACCENT);
  doc.text('DEVIS', PAGE_WIDTH - MARGIN, y + 6, { align: 'right' });
  doc.setTextColor(...INK);
  doc.setFontSize(11);
  doc.text(quote.number ?? 'BROUILLON', PAGE_WIDTH - MARGIN, y + 12, { align: 'right' });
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(9);
  const titleLines = [
    quote.revision > 1 ? `Révision ${quote.revision}` : null,
    `Date : ${quote.sentAt ? parisDate(quote.sentAt) : calendar(input.today)}`,
    `Valable jusqu’au ${calendar(quote.validUntil)}`,
  ].filter((line): line is string => Boolean(line));
  for (const [index, line] of titleLines.entries()) {
    doc.text(safe(line), PAGE_WIDTH - MARGIN, y + 17 + index * 4.5, { align: 'right' });
  }

  // Client box (right) and vehicle box (left), side by side.
  y = Math.max(identityBottom, y + 17 + titleLines.length * 4.5) + 6;
  const boxWidth = (CONTENT_WIDTH - 6) / 2;
  const clientLines = [
    client.kind === 'business' && client.lastName
      ? `À l’attention de ${[client.civility ? CIVILITY_LABELS[client.civility] : null, client.firstName, client.lastName].filter(Boolean).join(' ')}`
      : null,
    client.address.street,
    [client.address.postalCode, client.address.city].filter(Boolean).join(' '),
    client.address.country !== 'FR' ? client.address.country : null,
    client.kind === 'business' && client.siret ? `SIRET ${client.siret}` : null,
    client.kind === 'business' && client.vatNumber ? `TVA ${client.vatNumber}` : null,
  ].filter((line): line is string => Boolean(line));
  const vehicleLines = vehicle
    ? [
        `Immatriculation : ${vehicle.plate}`,
        [vehicle.make, vehicle.model].filter(Boolean).join(' ') || null,
        vehicle.vin ? `VIN : ${vehicle.vin}` : null,
        vehicle.firstRegistrationDate
          ? `1re mise en circulation : ${calendar(vehicle.firstRegistrationDate)}`
          : null,
        vehicle.fuel ? `Énergie : ${FUEL_LABELS[vehicle.fuel]}` : null,
        quote.mileageKm !== null ? `Kilométrage : ${formatQuantity(quote.mileageKm)} km` : null,
      ].filter((line): line is string => Boolean(line))
    : ['Aucun véhicule rattaché'];
  const boxHeight = 10 + Math.max(clientLines.length + 1, vehicleLines.length) * 4.2;
  drawBox(doc, MARGIN, y, boxWidth, boxHeight, 'Véhicule', vehicleLines);
  drawBox(
    doc,
    MARGIN + boxWidth + 6,
    y,
    boxWidth,
    boxHeight,
    'Client',
    [getClientDisplayName(client), ...clientLines],
    true,
  );
  y += boxHeight + 7;

  // The lines, job by job; the header row repeats on every page.
  const isPartial = quote.status === 'partially_accepted';
  const head = [
    [
      'Désignation',
      'Réf.',
      'Qté',
      'Unité',
      'PU HT',
      'Remise',
      settings.vatExempt ? '' : 'TVA',
      'Total HT',
    ],
  ];
  const body: RowInput[] = [];
  for (const job of quote.jobs) {
    body.push([
      {
        content: safe(job.title),
        colSpan: 7,
        styles: { fontStyle: 'bold', fillColor: [232, 238, 245], textColor: ACCENT },
      } as CellDef,
      {
        content: euros(job.totalExclVatCents),
        styles: { fontStyle: 'bold', fillColor: [232, 238, 245], halign: 'right' },
      } as CellDef,
    ]);
    for (const line of job.lines) {
      const status = isPartial ? (line.accepted ? ' (accepté)' : ' (non retenu)') : '';
      body.push([
        safe(`${line.description}${status}`),
        safe(line.reference ?? ''),
        safe(formatQuantity(line.quantity)),
        safe(line.unit),
        euros(line.unitPriceCents),
        line.discountBp ? safe(percent(line.discountBp)) : '',
        settings.vatExempt ? '' : safe(formatVatRate(line.vatRateBp)),
        euros(line.totalExclVatCents),
      ]);
    }
  }
  autoTable(doc, {
    startY: y,
    head,
    body,
    theme: 'grid',
    showHead: 'everyPage',
    margin: { left: MARGIN, right: MARGIN, bottom: FOOTER_SPACE, top: MARGIN },
    styles: {
      font: 'helvetica',
      fontSize: 8.5,
      cellPadding: 1.6,
      textColor: INK,
      lineColor: [214, 220, 228],
      lineWidth: 0.1,
    },
    headStyles: { fillColor: ACCENT, textColor: [255, 255, 255], fontStyle: 'bold' },
    columnStyles: {
      0: { cellWidth: 'auto' },
      1: { cellWidth: 24 },
      2: { cellWidth: 12, halign: 'right' },
      3: { cellWidth: 14 },
      4: { cellWidth: 20, halign: 'right' },
      5: { cellWidth: 14, halign: 'right' },
      6: { cellWidth: 13, halign: 'right' },
      7: { cellWidth: 22, halign: 'right' },
    },
  });
  y = (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY + 6;

  // Totals, right-aligned; per VAT rate, or the franchise mention.
  const totals: Array<[string, string, boolean?]> = [
    ['Total HT', euros(quote.totals.exclVatCents)],
  ];
  if (settings.vatExempt) {
    totals.push(['Net à payer', euros(quote.totals.inclVatCents), true]);
  } else {
    for (const rate of quote.totals.byRate) {
      if (rate.baseCents === 0 && rate.vatCents === 0) continue;
      totals.push([
        `TVA ${safe(formatVatRate(rate.vatRateBp))} sur ${euros(rate.baseCents)}`,
        euros(rate.vatCents),
      ]);
    }
    totals.push(['Total TTC', euros(quote.totals.inclVatCents), true]);
  }
  y = ensureSpace(doc, y, totals.length * 6 + 10);
  const labelX = PAGE_WIDTH - MARGIN - 45;
  for (const [label, amount, isGrand] of totals) {
    doc.setFont('helvetica', isGrand ? 'bold' : 'normal');
    doc.setFontSize(isGrand ? 11 : 9);
    doc.text(label, labelX, y, { align: 'right' });
    doc.text(amount, PAGE_WIDTH - MARGIN, y, { align: 'right' });
    y += isGrand ? 7 : 5;
  }
  if (settings.vatExempt) {
    doc.setFont('helvetica', 'italic');
    doc.setFontSize(9);
    doc.text(VAT_EXEMPTION_MENTION, PAGE_WIDTH - MARGIN, y, { align: 'right' });
    y += 6;
  }
  // A partial agreement: what the client accepted, on the accepted lines only.
  if (quote.status === 'partially_accepted' && quote.acceptedTotals) {
    const accepted = quote.acceptedTotals;
    const rows: Array<[string, string, boolean?]> = [
      ['Montant accepté HT', euros(accepted.exclVatCents)],
    ];
    if (!settings.vatExempt) rows.push(['TVA sur le montant accepté', euros(accepted.vatCents)]);
    rows.push([
      settings.vatExempt ? 'Net à payer accepté' : 'Montant accepté TTC',
      euros(accepted.inclVatCents),
      true,
    ]);
    y = ensureSpace(doc, y + 2, rows.length * 6 + 6);
    doc.setDrawColor(...MUTED);
    doc.setLineWidth(0.2);
    doc.line(labelX - 50, y - 3, PAGE_WIDTH - MARGIN, y - 3);
    for (const [label, amount, isGrand] of rows) {
      doc.setFont('helvetica', isGrand ? 'bold' : 'normal');
      doc.setFontSize(isGrand ? 10.5 : 9);
      doc.text(label, labelX, y, { align: 'right' });
      doc.text(amount, PAGE_WIDTH - MARGIN, y, { align: 'right' });
      y += isGrand ? 7 : 5;
    }
  }

  // Labour rates and terms.
  const notes: string[] = [];
  if (settings.labourRates.length > 0) {
    notes.push(
      `Taux horaire de main-d’œuvre : ${settings.labourRates
        .map(
          (rate) =>
            `${rate.name} ${euros(rate.hourlyRateCents)} HT/h (${PRICING_METHOD_LABELS[rate.method]})`,
        )
        .join(' ; ')}.`,
    );
  }
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
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8.5);
  for (const note of notes) {
    const wrapped = doc.splitTextToSize(safe(note), CONTENT_WIDTH) as string[];
    y = ensureSpace(doc, y, wrapped.length * 3.8 + 2);
    doc.text(wrapped, MARGIN, y);
    y += wrapped.length * 3.8 + 1.5;
  }

  // "Bon pour accord" signature block.
  y = ensureSpace(doc, y + 2, 32);
  doc.setDrawColor(...MUTED);
  doc.setLineWidth(0.2);
  doc.rect(PAGE_WIDTH - MARGIN - 85, y, 85, 30);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(9);
  doc.text('Bon pour accord', PAGE_WIDTH - MARGIN - 82, y + 5);
  doc.setFont('helvetica', 'normal');
  doc.setFontSize(8);
  doc.setTextColor(...MUTED);
  doc.text('Date :', PAGE_WIDTH - MARGIN - 82, y + 11);
  doc.text(
    safe('Signature précédée de la mention « Bon pour accord » :'),
    PAGE_WIDTH - MARGIN - 82,
    y + 16,
  );
  doc.setTextColor(...INK);
  if (quote.decision?.signerName && quote.status !== 'refused') {
    doc.text(
      safe(`${quote.decision.signerName} — ${parisDate(quote.decision.decidedAt)}`),
      PAGE_WIDTH - MARGIN - 82,
      y + 24,
    );
  }

  // Footer on every page: the legal mentions and "Page n / N".
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.setFont('helvetica', 'normal');
    doc.setFontSize(7.5);
    doc.setTextColor(...MUTED);
    const footer = doc.splitTextToSize(
      safe(company.legalFooter ?? ''),
      CONTENT_WIDTH - 25,
    ) as string[];
    doc.text(footer, MARGIN, 297 - 12);
    doc.text(`Page ${page} / ${pages}`, PAGE_WIDTH - MARGIN, 297 - 12, { align: 'right' });
    doc.setTextColor(...INK);
  }
  return doc;
}

function drawBox(
  doc: jsPDF,
  x: number,
  y: number,
  width: number,
  height: number,
  title: string,
  lines: string[],
  isBold = false,
) {
  doc.setDrawColor(214, 220, 228);
  doc.setLineWidth(0.3);
  doc.roundedRect(x, y, width, height, 1.5, 1.5);
  doc.setFont('helvetica', 'bold');
  doc.setFontSize(7.5);
  doc.setTextColor(...MUTED);
  doc.text(title.toUpperCase(), x + 3, y + 4.5);
  doc.setTextColor(...INK);
  doc.setFontSize(9);
  lines.forEach((line, index) => {
    doc.setFont('helvetica', isBold && index === 0 ? 'bold' : 'normal');
    doc.text(safe(line), x + 3, y + 9.5 + index * 4.2, { maxWidth: width - 6 });
  });
}

/** Starts a new page when what comes next would run into the footer. */
function ensureSpace(doc: jsPDF, y: number, needed: number): number {
  if (y + needed <= 297 - FOOTER_SPACE) return y;
  doc.addPage();
  return MARGIN + 5;
}
