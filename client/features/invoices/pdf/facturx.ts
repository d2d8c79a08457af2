import { AFRelationship, PDFDict, PDFDocument, PDFHeader, PDFName, PDFString } from 'pdf-lib';
import { buildCiiInvoice } from '../../../../domain/invoice/cii';
import { INVOICE_KIND_LABELS, type IssuedInvoice } from '../../../../domain/schemas/invoice';
import type { EmbeddedFonts } from '../../../lib/pdf/document-kit';
import { buildInvoicePdf } from './build-invoice-pdf';
import { buildFacturXXmp } from './facturx-xmp';

/**
 * The Factur-X file of an issued invoice (decision 0017): the invoice PDF jsPDF draws, made a
 * PDF/A-3 by pdf-lib with the CII XML embedded as `factur-x.xml`, the bytes `buildCiiInvoice`
 * gives (the server stores their SHA-256). What pdf-lib adds: the file specification in the
 * catalog's `/AF` and embedded files, the XMP packet (PDF/A-3B, the Factur-X extension schema),
 * the sRGB output intent, an Info dictionary that says what the XMP says, the 1.7 header. The
 * fonts are embedded by jsPDF already (DejaVu Sans); the trailer's `/ID` is jsPDF's, set from
 * the invoice id.
 */

export const FACTURX_FILE_NAME = 'factur-x.xml';
const PRODUCER = 'GestionPro (jsPDF, pdf-lib)';

export type FacturXAssets = {
  fonts: EmbeddedFonts;
  /** An sRGB ICC profile (`sRGB.icc`, icc-profiles-free, zlib licence). */
  srgbProfile: Uint8Array;
};

/** The downloaded file's name: `FAC-2026-00101-factur-x.pdf`. */
export function facturXFileName(invoice: Pick<IssuedInvoice, 'number'>): string {
  return `${invoice.number}-factur-x.pdf`;
}

/** The invoice PDF with its CII, as one Factur-X file, profile EN 16931. */
export async function buildInvoiceFacturX(
  invoice: IssuedInvoice,
  assets: FacturXAssets,
): Promise<Uint8Array> {
  const pdf = buildInvoicePdf({ invoice, fonts: assets.fonts }).output('arraybuffer');
  return embedFacturX({
    invoice,
    pdf,
    xml: buildCiiInvoice(invoice),
    srgbProfile: assets.srgbProfile,
  });
}

export async function embedFacturX(input: {
  invoice: IssuedInvoice;
  pdf: ArrayBuffer | Uint8Array;
  xml: string;
  srgbProfile: Uint8Array;
}): Promise<Uint8Array> {
  const { invoice } = input;
  const doc = await PDFDocument.load(input.pdf, { updateMetadata: false });
  const { context, catalog } = doc;
  // Associated files (/AF) are PDF 1.7 vocabulary; jsPDF writes a 1.3 header.
  context.header = PDFHeader.forVersion(1, 7);
  // Fixed dates, not the clock: the file of an invoice is the same whenever it is downloaded.
  const date = new Date(invoice.issuedAt ?? invoice.updatedAt);

  await doc.attach(new TextEncoder().encode(input.xml), FACTURX_FILE_NAME, {
    mimeType: 'text/xml',
    description: `Factur-X EN 16931 : ${INVOICE_KIND_LABELS[invoice.kind]} ${invoice.number}`,
    creationDate: date,
    modificationDate: date,
    // Factur-X 1.07: Data for the MINIMUM and BASIC WL profiles, which carry no lines;
    // Alternative when the XML is the whole invoice, as it is in EN 16931.
    afRelationship: AFRelationship.Alternative,
  });

  const meta = {
    title: `${INVOICE_KIND_LABELS[invoice.kind]} ${invoice.number}`,
    author: invoice.seller.name ?? '',
    subject: `${INVOICE_KIND_LABELS[invoice.kind]} ${invoice.number} pour ${invoice.buyer.name}`,
    creatorTool: 'GestionPro',
    producer: PRODUCER,
    createdAt: date,
    documentId: `uuid:${invoice.id}`,
    fileName: FACTURX_FILE_NAME,
    conformanceLevel: 'EN 16931',
  } as const;
  setInfoDictionary(doc, meta);
  const xmp = context.stream(new TextEncoder().encode(buildFacturXXmp(meta)), {
    Type: 'Metadata',
    Subtype: 'XML',
  });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));

  const profile = context.flateStream(input.srgbProfile, { N: 3 });
  const outputIntent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: context.register(profile),
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([context.register(outputIntent)]));
  catalog.set(PDFName.of('Lang'), PDFString.of('fr-FR'));

  return doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
  });
}

/**
 * jsPDF's Info dictionary emptied and refilled with the XMP's values: PDF/A wants both to say
 * the same title, author, subject, tools and dates.
 */
function setInfoDictionary(doc: PDFDocument, meta: Parameters<typeof buildFacturXXmp>[0]): void {
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info instanceof PDFDict) for (const key of info.keys()) info.delete(key);
  doc.setTitle(meta.title);
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setCreator(meta.creatorTool);
  doc.setProducer(meta.producer);
  doc.setCreationDate(meta.createdAt);
  doc.setModificationDate(meta.createdAt);
}
