/**
 * npm run bench:invoice — a 120-line invoice: its EN 16931 CII XML (the server builds it on
 * issue, the browser again for the Factur-X), its PDF with the fonts embedded, and the whole
 * Factur-X file (PDF/A-3 with factur-x.xml), beside a 120-line quote's PDF in the same run (the
 * baseline: jsPDF with its standard fonts, nothing embedded). Target of issue 12: the Factur-X
 * under 300 ms. Run in Node: the builders are the browser's, the fonts read from disk.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildInvoicePdf } from '../client/features/invoices/pdf/build-invoice-pdf';
import { embedFacturX } from '../client/features/invoices/pdf/facturx';
import { buildQuotePdf } from '../client/features/quotes/pdf/build-quote-pdf';
import { readEmbeddedFonts } from '../client/lib/pdf/read-pdf.testing';
import { buildCiiInvoice } from '../domain/invoice/cii';
import type { InvoiceLine, IssuedInvoice } from '../domain/schemas/invoice';
import type { Quote } from '../domain/schemas/quote';
import { DEFAULT_SETTINGS } from '../domain/schemas/settings';
import { BUSINESS_INVOICE } from '../domain/testing/invoice-samples';
import { buildClient, buildQuote } from '../domain/testing/records';
import { line, summarize } from './stats';

const LINES = 120;
const RUNS = 30;

const template = BUSINESS_INVOICE.lines[1]!;
const lines: InvoiceLine[] = Array.from({ length: LINES }, (_, i) => ({
  ...template,
  kind: i % 5 === 0 ? 'labour' : 'part',
  description: `Pièce détachée n° ${i} — référence constructeur, montage compris`,
  reference: `REF-${i}`,
  quantity: 1 + (i % 3),
  unit: i % 5 === 0 ? 'h' : 'pièce',
  unitPriceCents: 1500 + i * 37,
  vatRateBp: i % 9 === 0 ? 1000 : 2000,
  discountBp: i % 7 === 0 ? 500 : 0,
  partCondition: i % 5 === 0 ? null : i % 6 === 0 ? 'exchange' : 'new',
}));
const invoice: IssuedInvoice = { ...BUSINESS_INVOICE, lines };
const fonts = readEmbeddedFonts();
const srgbProfile = new Uint8Array(
  readFileSync(new URL('../client/features/invoices/pdf/sRGB.icc', import.meta.url)),
);

// The baseline: a quote of as many lines, jsPDF's standard fonts.
const quoteLines = lines.map((each, i) => ({
  ...each,
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  totalExclVatCents: 0,
  accepted: null,
}));
const quote: Quote = buildQuote({
  jobs: [0, 1, 2, 3].map((j) => ({
    id: `00000000-0000-4000-9000-${String(j).padStart(12, '0')}`,
    title: `Prestation ${j + 1}`,
    totalExclVatCents: 0,
    lines: quoteLines.slice(j * 30, j * 30 + 30),
  })),
});

async function time(label: string, run: () => unknown | Promise<unknown>) {
  for (let i = 0; i < 3; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const before = performance.now();
    await run();
    times.push(performance.now() - before);
  }
  const stats = summarize(times);
  console.info(line(label, stats));
  return stats;
}

console.info(`\nInvoice of ${LINES} lines (Node ${process.version})\n`);
const bare = await time('quote PDF (baseline, no embedding)', () =>
  buildQuotePdf({
    quote,
    settings: DEFAULT_SETTINGS,
    client: buildClient(),
    vehicle: null,
    today: '2026-11-24',
  }).output('arraybuffer'),
);
const xml = await time('CII XML', () => buildCiiInvoice(invoice));
const pdf = await time('invoice PDF, fonts embedded', () =>
  buildInvoicePdf({ invoice, fonts }).output('arraybuffer'),
);
let size = 0;
const facturX = await time('Factur-X (PDF + XML, PDF/A-3)', async () => {
  const bytes = buildInvoicePdf({ invoice, fonts }).output('arraybuffer');
  const file = await embedFacturX({
    invoice,
    pdf: bytes,
    xml: buildCiiInvoice(invoice),
    srgbProfile,
  });
  size = file.byteLength;
});
console.info(
  `\n  Factur-X ${(size / 1024).toFixed(0)} KB; p50 ${facturX.p50.toFixed(0)} ms = ${(facturX.p50 / bare.p50).toFixed(2)}× the quote's PDF, of which the PDF ${(pdf.p50 / bare.p50).toFixed(2)}×, the XML ${xml.p50.toFixed(1)} ms`,
);
console.info(
  `  target: Factur-X < 300 ms — p95 ${facturX.p95.toFixed(0)} ms (${facturX.p95 < 300 ? 'met' : 'NOT met'})\n`,
);
