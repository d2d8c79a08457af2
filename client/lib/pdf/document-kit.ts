import { jsPDF } from 'jspdf';
import { CIVILITY_LABELS, getClientDisplayName } from '../../../domain/client/client-name';
import { formatEurosForPdf, formatQuantity, normalizeSpacesForPdf } from '../../../domain/money';
import { computeQuoteTotals } from '../../../domain/quote/totals';
import { formatVatRate } from '../../../domain/quote/vat';
import type { Client } from '../../../domain/schemas/client';
import {
  type LabourRate,
  PRICING_METHOD_LABELS,
  type SettingsValues,
} from '../../../domain/schemas/settings';
import { FUEL_LABELS, type Vehicle } from '../../../domain/schemas/vehicle';
import { formatCalendarDate, formatDate, formatTime } from '../format';

/**
 * What every printed document of the garage shares (quote, repair order, invoice): the A4 page,
 * the colours, the company header, the party boxes, notes, page breaks and the footer. Pure
 * drawing on a jsPDF document: a builder composes these and a node test reads the result back.
 */

export const MARGIN = 15;
export const PAGE_WIDTH = 210;
export const PAGE_HEIGHT = 297;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Kept free at the bottom of every page for the footer. */
export const FOOTER_SPACE = 22;

export type Rgb = [number, number, number];
export const INK: Rgb = [28, 39, 51];
export const MUTED: Rgb = [93, 107, 122];
export const ACCENT: Rgb = [31, 78, 121];
/** Box outlines and table rules. */
export const RULE: Rgb = [214, 220, 228];
/** The background of a job's row in the lines table. */
export const BAND: Rgb = [232, 238, 245];

/** Standard PDF fonts draw WinAnsi only: Intl's narrow no-break spaces become plain ones. */
export const safe = (text: string | null | undefined): string => normalizeSpacesForPdf(text ?? '');
export const euros = (cents: number): string => formatEurosForPdf(cents);
/** Basis points as a percentage: the VAT rates' formatting fits discounts too (1000 → 10 %). */
export const percent = formatVatRate;
/** A calendar date (`2026-11-24`) as 24/11/2026; `—` when there is none. */
export const calendarDate = formatCalendarDate;
/** An instant as its Paris date, 24/11/2026. */
export const parisDate = (instant: string): string => formatDate(instant);
/** An instant as a Paris wall clock reads it: `24/11/2026 à 14:05`. */
export const parisDateTime = (instant: string): string =>
  `${formatDate(instant)} à ${formatTime(instant)}`;

export type Company = SettingsValues['company'];

/**
 * TrueType files embedded in the document, as base64: regular, bold and oblique of one family.
 * The standard 14 fonts jsPDF draws by default are not embedded, which PDF/A forbids (an
 * invoice's Factur-X file, decision 0017); DejaVu Sans ships in `./fonts` with its licence.
 */
export type EmbeddedFonts = { normal: string; bold: string; italic: string };

export const EMBEDDED_FONT_FAMILY = 'DejaVuSans';

const fontFamilies = new WeakMap<jsPDF, string>();

/** The family every drawing function sets: the embedded one if the document has it. */
export function getFontFamily(doc: jsPDF): string {
  return fontFamilies.get(doc) ?? 'helvetica';
}

/**
 * A blank A4 page in millimetres, with the document's properties and the ink colour set; with
 * `fonts`, everything is drawn in them and only the fonts used are written to the file.
 */
export function createDocument(
  properties: { title: string; subject: string },
  options: { fonts?: EmbeddedFonts } = {},
): jsPDF {
  const doc = new jsPDF({
    unit: 'mm',
    format: 'a4',
    compress: true,
    putOnlyUsedFonts: Boolean(options.fonts),
  });
  doc.setProperties({ ...properties, creator: 'GestionPro' });
  if (options.fonts) {
    for (const [style, base64] of Object.entries(options.fonts)) {
      const file = `${EMBEDDED_FONT_FAMILY}-${style}.ttf`;
      doc.addFileToVFS(file, base64);
      doc.addFont(file, EMBEDDED_FONT_FAMILY, style);
    }
    fontFamilies.set(doc, EMBEDDED_FONT_FAMILY);
    doc.setFont(EMBEDDED_FONT_FAMILY, 'normal');
  }
  doc.setTextColor(...INK);
  return doc;
}

export type DocumentTitle = {
  /** `DEVIS`, `ORDRE DE RÉPARATION`, `FACTURE`. */
  title: string;
  /** The number, or a draft's marker. */
  reference: string;
  /** The small lines under the reference: dates, revision, origin. */
  details: string[];
  /** 20 pt unless a long title needs less room. */
  titleSize?: number;
};

/**
 * The garage's identity top left (with its logo when there is one: an unreadable image prints
 * without it), the document's title, number and dates top right. Returns where what follows
 * starts.
 */
export function drawCompanyHeader(
  doc: jsPDF,
  company: Company,
  vatExempt: boolean,
  heading: DocumentTitle,
): number {
  const y = MARGIN;
  let companyX = MARGIN;
  if (company.logo) {
    try {
      const format = company.logo.startsWith('data:image/png') ? 'PNG' : 'JPEG';
      doc.addImage(company.logo, format, MARGIN, y, 28, 28, undefined, 'FAST');
      companyX = MARGIN + 32;
    } catch {
      // An unreadable image must not stop the document: it prints without its logo.
    }
  }
  doc.setFont(getFontFamily(doc), 'bold');
  doc.setFontSize(14);
  doc.text(safe(company.name ?? ''), companyX, y + 5);
  doc.setFont(getFontFamily(doc), 'normal');
  doc.setFontSize(8.5);
  const identity = describeCompany(company, vatExempt);
  for (const [index, line] of identity.entries())
    doc.text(safe(line), companyX, y + 10 + index * 3.8);
  const identityBottom = y + 10 + identity.length * 3.8;

  doc.setFont(getFontFamily(doc), 'bold');
  doc.setFontSize(heading.titleSize ?? 20);
  doc.setTextColor(...ACCENT);
  doc.text(safe(heading.title), PAGE_WIDTH - MARGIN, y + 6, { align: 'right' });
  doc.setTextColor(...INK);
  doc.setFontSize(11);
  doc.text(safe(heading.reference), PAGE_WIDTH - MARGIN, y + 12, { align: 'right' });
  doc.setFont(getFontFamily(doc), 'normal');
  doc.setFontSize(9);
  for (const [index, line] of heading.details.entries()) {
    doc.text(safe(line), PAGE_WIDTH - MARGIN, y + 17 + index * 4.5, { align: 'right' });
  }
  return Math.max(identityBottom, y + 17 + heading.details.length * 4.5) + 6;
}

/** The legal identity lines under the company's name (no VAT number under the franchise). */
export function describeCompany(company: Company, vatExempt: boolean): string[] {
  return [
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
    company.vatNumber && !vatExempt ? `N° TVA intracommunautaire ${company.vatNumber}` : null,
  ].filter((line): line is string => Boolean(line));
}

/** The client box: the name first (drawn bold), then the address and a business's numbers. */
export function describeClient(client: Client): string[] {
  return [
    getClientDisplayName(client),
    client.kind === 'business' && client.lastName
      ? `À l’attention de ${[client.civility ? CIVILITY_LABELS[client.civility] : null, client.firstName, client.lastName].filter(Boolean).join(' ')}`
      : null,
    client.address.street,
    [client.address.postalCode, client.address.city].filter(Boolean).join(' '),
    client.address.country !== 'FR' ? client.address.country : null,
    client.kind === 'business' && client.siret ? `SIRET ${client.siret}` : null,
    client.kind === 'business' && client.vatNumber ? `TVA ${client.vatNumber}` : null,
  ].filter((line): line is string => Boolean(line));
}

type VehicleFields = Pick<
  Vehicle,
  'plate' | 'make' | 'model' | 'vin' | 'firstRegistrationDate' | 'fuel'
>;

/** The vehicle box; the mileage is the document's own (the quote's, the check-in's). */
export function describeVehicle(
  vehicle: VehicleFields,
  mileage: { km: number | null; label?: string },
): string[] {
  return [
    `Immatriculation : ${vehicle.plate}`,
    [vehicle.make, vehicle.model].filter(Boolean).join(' ') || null,
    vehicle.vin ? `VIN : ${vehicle.vin}` : null,
    vehicle.firstRegistrationDate
      ? `1re mise en circulation : ${calendarDate(vehicle.firstRegistrationDate)}`
      : null,
    vehicle.fuel ? `Énergie : ${FUEL_LABELS[vehicle.fuel]}` : null,
    mileage.km !== null
      ? `${mileage.label ?? 'Kilométrage'} : ${formatQuantity(mileage.km)} km`
      : null,
  ].filter((line): line is string => Boolean(line));
}

export type BoxContent = {
  title: string;
  lines: string[];
  /** The first line in bold (a party's name). */
  isFirstLineBold?: boolean;
};

const BOX_GAP = 6;
const BOX_LINE = 4.2;

/**
 * Two boxes side by side, as tall as the fuller one; a line too long for its box wraps.
 * Returns where what follows starts.
 */
export function drawBoxPair(doc: jsPDF, y: number, left: BoxContent, right: BoxContent): number {
  const width = (CONTENT_WIDTH - BOX_GAP) / 2;
  const [leftLines, rightLines] = [left, right].map((box) => wrapBoxLines(doc, box, width));
  const height = 10 + Math.max(leftLines!.length, rightLines!.length) * BOX_LINE;
  drawBox(doc, MARGIN, y, width, height, left.title, leftLines!);
  drawBox(doc, MARGIN + width + BOX_GAP, y, width, height, right.title, rightLines!);
  return y + height + 7;
}

/** One box across the page; its lines wrap. Returns where what follows starts. */
export function drawWideBox(doc: jsPDF, y: number, box: BoxContent): number {
  const lines = wrapBoxLines(doc, box, CONTENT_WIDTH);
  const height = 10 + lines.length * BOX_LINE;
  const top = ensureSpace(doc, y, height);
  drawBox(doc, MARGIN, top, CONTENT_WIDTH, height, box.title, lines);
  return top + height + 7;
}

type BoxLine = { text: string; isBold: boolean };

function wrapBoxLines(doc: jsPDF, box: BoxContent, width: number): BoxLine[] {
  doc.setFontSize(9);
  return box.lines.flatMap((line, index) => {
    const isBold = Boolean(box.isFirstLineBold) && index === 0;
    doc.setFont(getFontFamily(doc), isBold ? 'bold' : 'normal');
    const wrapped = doc.splitTextToSize(safe(line), width - 6) as string[];
    return wrapped.map((text) => ({ text, isBold }));
  });
}

function drawBox(
  doc: jsPDF,
  x: number,
  y: number,
  width: number,
  height: number,
  title: string,
  lines: BoxLine[],
) {
  doc.setDrawColor(...RULE);
  doc.setLineWidth(0.3);
  doc.roundedRect(x, y, width, height, 1.5, 1.5);
  doc.setFont(getFontFamily(doc), 'bold');
  doc.setFontSize(7.5);
  doc.setTextColor(...MUTED);
  doc.text(safe(title).toUpperCase(), x + 3, y + 4.5);
  doc.setTextColor(...INK);
  doc.setFontSize(9);
  lines.forEach((line, index) => {
    doc.setFont(getFontFamily(doc), line.isBold ? 'bold' : 'normal');
    doc.text(line.text, x + 3, y + 9.5 + index * BOX_LINE);
  });
}

/** A section's title in the accent colour, on a new page when the section would not start. */
export function drawSectionTitle(doc: jsPDF, y: number, title: string, keepWith = 12): number {
  const top = ensureSpace(doc, y, 6 + keepWith);
  doc.setFont(getFontFamily(doc), 'bold');
  doc.setFontSize(10);
  doc.setTextColor(...ACCENT);
  doc.text(safe(title), MARGIN, top + 3);
  doc.setTextColor(...INK);
  return top + 7;
}

/** Small paragraphs across the page (rates, terms, remarks), each kept whole on a page. */
export function drawParagraphs(doc: jsPDF, y: number, paragraphs: string[]): number {
  doc.setFont(getFontFamily(doc), 'normal');
  doc.setFontSize(8.5);
  let next = y;
  for (const paragraph of paragraphs) {
    const wrapped = doc.splitTextToSize(safe(paragraph), CONTENT_WIDTH) as string[];
    next = ensureSpace(doc, next, wrapped.length * 3.8 + 2);
    doc.text(wrapped, MARGIN, next);
    next += wrapped.length * 3.8 + 1.5;
  }
  return next;
}

/**
 * The labour rates, as the arrêté du 27 mars 1987 asks them shown: name, hourly rate and how
 * time is counted; `withInclVat` adds the rate with VAT, the figure a consumer compares.
 */
export function describeLabourRates(
  rates: ReadonlyArray<LabourRate>,
  options: { vatExempt?: boolean; withInclVat?: boolean } = {},
): string | null {
  if (rates.length === 0) return null;
  const described = rates.map((rate) => {
    const method = PRICING_METHOD_LABELS[rate.method];
    if (options.vatExempt && options.withInclVat) {
      return `${rate.name} ${euros(rate.hourlyRateCents)}/h (${method})`;
    }
    if (!options.withInclVat) return `${rate.name} ${euros(rate.hourlyRateCents)} HT/h (${method})`;
    // The VAT of one hour, computed as a line's would be: one rounding rule.
    const inclVat = computeQuoteTotals({
      jobs: [
        {
          lines: [
            {
              quantity: 1,
              unitPriceCents: rate.hourlyRateCents,
              discountBp: 0,
              vatRateBp: rate.vatRateBp,
            },
          ],
        },
      ],
      vatExempt: false,
    }).inclVatCents;
    return `${rate.name} ${euros(rate.hourlyRateCents)} HT/h, soit ${euros(inclVat)} TTC/h (${method})`;
  });
  return `Taux horaire de main-d’œuvre : ${described.join(' ; ')}.`;
}

/** Starts a new page when what comes next would run into the footer. */
export function ensureSpace(doc: jsPDF, y: number, needed: number): number {
  if (y + needed <= PAGE_HEIGHT - FOOTER_SPACE) return y;
  doc.addPage();
  return MARGIN + 5;
}

/** Where the last autoTable ended, on its last page. */
export function lastTableBottom(doc: jsPDF): number {
  return (doc as unknown as { lastAutoTable: { finalY: number } }).lastAutoTable.finalY;
}

/** The footer on every page, drawn last: the legal mentions and "Page n / N". */
export function drawFooters(doc: jsPDF, legalFooter: string | null): void {
  const pages = doc.getNumberOfPages();
  for (let page = 1; page <= pages; page++) {
    doc.setPage(page);
    doc.setFont(getFontFamily(doc), 'normal');
    doc.setFontSize(7.5);
    doc.setTextColor(...MUTED);
    const footer = doc.splitTextToSize(safe(legalFooter ?? ''), CONTENT_WIDTH - 25) as string[];
    doc.text(footer, MARGIN, PAGE_HEIGHT - 12);
    doc.text(`Page ${page} / ${pages}`, PAGE_WIDTH - MARGIN, PAGE_HEIGHT - 12, { align: 'right' });
    doc.setTextColor(...INK);
  }
}

/**
 * From page 2 on, a line above the content saying what the page belongs to (a loose sheet of
 * a two-page document still names it). Drawn last, like the footers.
 */
export function drawRunningHeaders(doc: jsPDF, text: string): void {
  const pages = doc.getNumberOfPages();
  for (let page = 2; page <= pages; page++) {
    doc.setPage(page);
    doc.setFont(getFontFamily(doc), 'normal');
    doc.setFontSize(7.5);
    doc.setTextColor(...MUTED);
    doc.text(safe(text), MARGIN, MARGIN - 5);
    doc.setDrawColor(...RULE);
    doc.setLineWidth(0.2);
    doc.line(MARGIN, MARGIN - 3.5, PAGE_WIDTH - MARGIN, MARGIN - 3.5);
    doc.setTextColor(...INK);
  }
}
