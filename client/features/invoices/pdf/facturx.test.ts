import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
} from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCiiInvoice } from '../../../../domain/invoice/cii';
import { parseXml, type XmlNode } from '../../../../domain/invoice/xml-reader.test-helpers';
import type { IssuedInvoice } from '../../../../domain/schemas/invoice';
import { BUSINESS_INVOICE, CREDIT_NOTE } from '../../../../domain/testing/invoice-samples';
import { readEmbeddedFonts } from '../../../lib/pdf/read-pdf.testing';
import { buildInvoiceFacturX, FACTURX_FILE_NAME, facturXFileName } from './facturx';

const dir = mkdtempSync(join(tmpdir(), 'gp-facturx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const srgbProfile = new Uint8Array(readFileSync(new URL('./sRGB.icc', import.meta.url)));
const assets = { fonts: readEmbeddedFonts(), srgbProfile };

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' });

type Built = { file: string; bytes: Uint8Array; doc: PDFDocument };

async function build(name: string, invoice: IssuedInvoice): Promise<Built> {
  const bytes = await buildInvoiceFacturX(invoice, assets);
  const file = join(process.env.PDF_OUT_DIR ?? dir, name);
  writeFileSync(file, bytes);
  return { file, bytes, doc: await PDFDocument.load(bytes, { updateMetadata: false }) };
}

function findNodes(node: XmlNode, isWanted: (name: string) => boolean): XmlNode[] {
  return [
    ...(isWanted(node.name) ? [node] : []),
    ...node.children.flatMap((child) => findNodes(child, isWanted)),
  ];
}

const lookupDict = (doc: PDFDocument, dict: PDFDict, key: string): PDFDict =>
  doc.context.lookup(dict.get(PDFName.of(key)), PDFDict);

describe('the Factur-X file', () => {
  let invoice: Built;
  let credit: Built;
  beforeAll(async () => {
    invoice = await build('facturx-invoice.pdf', BUSINESS_INVOICE);
    credit = await build('facturx-credit-note.pdf', CREDIT_NOTE);
  });

  it('embeds factur-x.xml, the very bytes of the CII', () => {
    for (const [built, source] of [
      [invoice, BUSINESS_INVOICE],
      [credit, CREDIT_NOTE],
    ] as const) {
      const listed = run('pdfdetach', ['-list', built.file]);
      expect(listed).toMatch(/^1 embedded files\n1: factur-x\.xml\n$/);
      const saved = join(dir, `${source.number}.xml`);
      run('pdfdetach', ['-save', '1', '-o', saved, built.file]);
      expect(readFileSync(saved).equals(Buffer.from(buildCiiInvoice(source), 'utf8'))).toBe(true);
    }
    // The credit note's XML is a credit note: type 381, referencing the invoice.
    const creditXml = buildCiiInvoice(CREDIT_NOTE);
    expect(creditXml).toContain('<ram:TypeCode>381</ram:TypeCode>');
    expect(creditXml).toContain('FAC-2026-00101');
  });

  it('declares the file as an associated file of the document, Alternative, text/xml', () => {
    const { doc } = invoice;
    const af = doc.catalog.lookup(PDFName.of('AF'), PDFArray);
    expect(af.size()).toBe(1);
    const spec = doc.context.lookup(af.get(0), PDFDict);
    expect(spec.get(PDFName.of('Type'))).toBe(PDFName.of('Filespec'));
    expect(spec.lookup(PDFName.of('F'), PDFString).decodeText()).toBe(FACTURX_FILE_NAME);
    expect(spec.lookup(PDFName.of('UF'), PDFHexString).decodeText()).toBe(FACTURX_FILE_NAME);
    expect(spec.get(PDFName.of('AFRelationship'))).toBe(PDFName.of('Alternative'));
    const stream = doc.context.lookup(lookupDict(doc, spec, 'EF').get(PDFName.of('F')));
    expect(stream).toBeInstanceOf(PDFRawStream);
    const streamDict = (stream as PDFRawStream).dict;
    expect(streamDict.get(PDFName.of('Type'))).toBe(PDFName.of('EmbeddedFile'));
    expect(streamDict.get(PDFName.of('Subtype'))).toBe(PDFName.of('text/xml'));
    const params = lookupDict(doc, streamDict, 'Params');
    expect(params.lookup(PDFName.of('ModDate'), PDFString).asString()).toBe('D:20261130150000Z');
    // And the same file spec in the catalog's embedded files name tree.
    const names = lookupDict(doc, lookupDict(doc, doc.catalog, 'Names'), 'EmbeddedFiles');
    const entries = names.lookup(PDFName.of('Names'), PDFArray);
    expect(entries.get(1)).toBe(af.get(0));
  });

  it('carries the XMP of a PDF/A-3B with the Factur-X fields and their extension schema', () => {
    const xmp = run('pdfinfo', ['-meta', invoice.file]);
    expect(xmp).toContain('<pdfaid:part>3</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<fx:DocumentType>INVOICE</fx:DocumentType>');
    expect(xmp).toContain('<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>');
    expect(xmp).toContain('<fx:Version>1.0</fx:Version>');
    expect(xmp).toContain('<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>');
    expect(xmp).toContain(
      '<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>',
    );
    for (const name of ['DocumentFileName', 'DocumentType', 'Version', 'ConformanceLevel']) {
      expect(xmp).toContain(`<pdfaProperty:name>${name}</pdfaProperty:name>`);
    }
    expect(xmp).toContain(`<xmpMM:DocumentID>uuid:${BUSINESS_INVOICE.id}</xmpMM:DocumentID>`);
    expect(xmp).toContain('<xmp:CreateDate>2026-11-30T15:00:00Z</xmp:CreateDate>');
    // Well-formed (the reader throws on mismatched tags), with each fx field once.
    const fields = findNodes(parseXml(xmp), (name) => name.startsWith('fx:')).map((node) => [
      node.name,
      node.text,
    ]);
    expect(fields).toEqual([
      ['fx:DocumentType', 'INVOICE'],
      ['fx:DocumentFileName', 'factur-x.xml'],
      ['fx:Version', '1.0'],
      ['fx:ConformanceLevel', 'EN 16931'],
    ]);
    // The metadata stream is not compressed (PDF/A: no filter on it).
    const metadata = invoice.doc.context.lookup(invoice.doc.catalog.get(PDFName.of('Metadata')));
    expect((metadata as PDFRawStream).dict.get(PDFName.of('Filter'))).toBeUndefined();
  });

  it('says in its Info dictionary what the XMP says', () => {
    const info = run('pdfinfo', ['-isodates', invoice.file]);
    expect(info).toMatch(/^Title:\s+Facture FAC-2026-00101$/m);
    expect(info).toMatch(/^Author:\s+Garage du Rhône$/m);
    expect(info).toMatch(/^Creator:\s+GestionPro$/m);
    expect(info).toMatch(/^Producer:\s+GestionPro \(jsPDF, pdf-lib\)$/m);
    expect(info).toMatch(/^CreationDate:\s+2026-11-30T15:00:00Z$/m);
    expect(info).toMatch(/^ModDate:\s+2026-11-30T15:00:00Z$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    const xmp = run('pdfinfo', ['-meta', invoice.file]);
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Facture FAC-2026-00101</rdf:li>');
    expect(xmp).toContain('<rdf:li>Garage du Rhône</rdf:li>');
    expect(xmp).toContain('<pdf:Producer>GestionPro (jsPDF, pdf-lib)</pdf:Producer>');
  });

  it('has an sRGB output intent and a document ID from the invoice', () => {
    const { doc } = invoice;
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    expect(intents.size()).toBe(1);
    const intent = doc.context.lookup(intents.get(0), PDFDict);
    expect(intent.get(PDFName.of('S'))).toBe(PDFName.of('GTS_PDFA1'));
    expect(intent.lookup(PDFName.of('OutputConditionIdentifier'), PDFString).asString()).toBe(
      'sRGB IEC61966-2.1',
    );
    const profile = doc.context.lookup(intent.get(PDFName.of('DestOutputProfile')));
    expect((profile as PDFRawStream).dict.get(PDFName.of('N'))?.toString()).toBe('3');
    const id = doc.context.trailerInfo.ID as PDFArray;
    const hex = BUSINESS_INVOICE.id.replaceAll('-', '').toUpperCase();
    expect(id.get(0).toString()).toBe(`<${hex}>`);
    expect(id.get(1).toString()).toBe(`<${hex}>`);
  });

  it('embeds every font and keeps the printed text', () => {
    const fonts = run('pdffonts', [invoice.file]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row.trim().split(/\s+/).at(-5), row).toBe('yes');
    const text = run('pdftotext', ['-layout', credit.file, '-']).replace(/\s+/g, ' ');
    expect(text).toContain('AVOIR');
    expect(text).toContain('Sur la facture FAC-2026-00101 du 30/11/2026');
  });

  it('makes the same bytes whenever the invoice is downloaded', async () => {
    const again = await buildInvoiceFacturX(BUSINESS_INVOICE, assets);
    expect(Buffer.from(again).equals(Buffer.from(invoice.bytes))).toBe(true);
    expect(facturXFileName(BUSINESS_INVOICE)).toBe('FAC-2026-00101-factur-x.pdf');
  });
});
