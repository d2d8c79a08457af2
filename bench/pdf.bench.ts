/**
 * npm run bench:pdf — the time to draw a 120-line quote with jsPDF (target < 200 ms), and the
 * weight of what the browser loads: the first page versus the PDF chunk loaded on demand.
 */
import { performance } from 'node:perf_hooks';
import { buildQuotePdf } from '../client/features/quotes/pdf/build-quote-pdf';
import { computeQuoteTotals } from '../domain/quote/totals';
import type { Client } from '../domain/schemas/client';
import type { Quote } from '../domain/schemas/quote';
import { DEFAULT_SETTINGS } from '../domain/schemas/settings';
import { readBundle } from './bundle';
import { line, summarize } from './stats';

const LINES = 120;
const RUNS = 40;

const lines = Array.from({ length: LINES }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  kind: (i % 5 === 0 ? 'labour' : 'part') as 'labour' | 'part',
  description: `Pièce détachée n° ${i} — référence constructeur, montage compris`,
  reference: `REF-${i}`,
  quantity: 1 + (i % 3),
  unit: 'pièce',
  unitPriceCents: 1500 + i * 37,
  vatRateBp: i % 9 === 0 ? 1000 : 2000,
  discountBp: i % 7 === 0 ? 500 : 0,
  totalExclVatCents: 0,
  accepted: null,
}));
const jobs = [0, 1, 2, 3].map((j) => ({
  id: `00000000-0000-4000-9000-${String(j).padStart(12, '0')}`,
  title: `Prestation ${j + 1}`,
  totalExclVatCents: 0,
  lines: lines.slice(j * 30, j * 30 + 30),
}));
const totals = computeQuoteTotals({ jobs, vatExempt: false });
// As the server stores them: each line and job carries its total.
for (const line of totals.lines) {
  jobs[line.jobIndex]!.lines[line.lineIndex]!.totalExclVatCents = line.lineTotalCents;
}
for (const [index, job] of totals.jobs.entries())
  jobs[index]!.totalExclVatCents = job.totalExclVatCents;
const quote = {
  id: '1d1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f',
  number: 'DEV-2026-00042',
  revision: 1,
  status: 'sent',
  validUntil: '2026-12-31',
  sentAt: '2026-11-24T09:00:00.000Z',
  mileageKm: 98_765,
  notes: null,
  vatExempt: false,
  decision: null,
  jobs,
  totals: {
    exclVatCents: totals.exclVatCents,
    vatCents: totals.vatCents,
    inclVatCents: totals.inclVatCents,
    byRate: totals.byRate,
  },
} as unknown as Quote;
const client = {
  kind: 'person',
  civility: 'mrs',
  firstName: 'Hélène',
  lastName: 'Lefèvre',
  companyName: null,
  address: { street: '3 rue de l’Église', postalCode: '69130', city: 'Écully', country: 'FR' },
} as Client;
const settings = {
  ...DEFAULT_SETTINGS,
  company: {
    ...DEFAULT_SETTINGS.company,
    name: 'Garage du Parc',
    legalFooter: 'SARL — RCS Lyon 732 829 320',
  },
};

for (let i = 0; i < 5; i++)
  buildQuotePdf({ quote, settings, client, vehicle: null, today: '2026-11-24' }).output(
    'arraybuffer',
  );
const times: number[] = [];
let bytes = 0;
let pages = 0;
for (let i = 0; i < RUNS; i++) {
  const before = performance.now();
  const doc = buildQuotePdf({ quote, settings, client, vehicle: null, today: '2026-11-24' });
  bytes = doc.output('arraybuffer').byteLength;
  times.push(performance.now() - before);
  pages = doc.getNumberOfPages();
}
const stats = summarize(times);
console.info(`\nQuote PDF — ${LINES} lines, ${pages} pages, ${(bytes / 1024).toFixed(0)} KB\n`);
console.info(line('build + output (Node, jsPDF)', stats));
console.info(
  `  target: < 200 ms — p95 ${stats.p95.toFixed(1)} ms (${stats.p95 < 200 ? 'met' : 'NOT met'})\n`,
);

const bundle = readBundle();
const pdfChunk = bundle.lazy(/build-quote-pdf\.ts$/);
console.info('Bundle (gzip)');
console.info(`  first page: ${bundle.initialKb.toFixed(1)} KB (${bundle.initial.join(', ')})`);
console.info(`  on demand:  ${bundle.gzipKb(pdfChunk).toFixed(1)} KB  ${pdfChunk.join(', ')}`);
console.info(
  '  (the PDF chunk loads on the first Aperçu/Imprimer/Télécharger; html2canvas and DOMPurify are jsPDF options never loaded here)\n',
);
