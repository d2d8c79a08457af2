/**
 * npm run bench:pdf:or — the time to draw a repair order with jsPDF beside the quote's (target
 * < 200 ms for 120 lines, as bench/pdf.bench.ts): four jobs of 30 lines, PIEC parts, two
 * amendments, three drawn signatures embedded as PNG, the hand-back; and its lazy chunk's weight.
 */
import { performance } from 'node:perf_hooks';
import { buildRepairOrderPdf } from '../client/features/repair-orders/pdf/build-repair-order-pdf';
import { buildPngDataUrl } from '../client/lib/pdf/read-pdf.testing';
import { computeQuoteTotals } from '../domain/quote/totals';
import type { RepairOrderJob, RepairOrderLine } from '../domain/schemas/repair-order';
import { DEFAULT_SETTINGS } from '../domain/schemas/settings';
import {
  AT,
  buildClient,
  buildRepairOrder,
  buildSignature,
  buildVehicle,
  testId,
} from '../domain/testing/records';
import { readBundle } from './bundle';
import { line, summarize } from './stats';

const LINES_PER_JOB = 30;
const RUNS = 40;

function buildLine(n: number): RepairOrderLine {
  const isPart = n % 5 !== 0;
  return {
    id: testId(1000 + n),
    kind: isPart ? 'part' : 'labour',
    description: `Pièce détachée n° ${n} — référence constructeur, montage compris`,
    reference: `REF-${n}`,
    quantity: 1 + (n % 3),
    unit: isPart ? 'pièce' : 'h',
    unitPriceCents: 1500 + n * 37,
    vatRateBp: 2000,
    discountBp: n % 7 === 0 ? 500 : 0,
    totalExclVatCents: 0,
    piecCategory: isPart && n % 4 === 0 ? 'body' : null,
    piecChoice: isPart && n % 4 === 0 ? (n % 8 === 0 ? 'accepted' : 'refused') : null,
    partCondition: isPart ? (n % 6 === 0 ? 'exchange' : 'new') : null,
  };
}

const amendmentIds = [testId(500), testId(501)];
const jobs: RepairOrderJob[] = [0, 1, 2, 3].map((j) => ({
  id: testId(100 + j),
  title: `Prestation ${j + 1}`,
  amendmentId: j < 2 ? null : amendmentIds[j - 2]!,
  technicianId: null,
  technicianName: 'Karim Atelier',
  lines: Array.from({ length: LINES_PER_JOB }, (_, i) => buildLine(j * LINES_PER_JOB + i)),
  totalExclVatCents: 0,
  soldMinutes: 90,
  clockedMinutes: 75,
  clockedOn: [],
}));
const totals = computeQuoteTotals({ jobs, vatExempt: false });
for (const each of totals.lines) {
  jobs[each.jobIndex]!.lines[each.lineIndex]!.totalExclVatCents = each.lineTotalCents;
}
for (const [index, job] of totals.jobs.entries())
  jobs[index]!.totalExclVatCents = job.totalExclVatCents;

const signatures = [
  buildSignature({ id: testId(600), kind: 'check_in', version: 3 }),
  buildSignature({ id: testId(601), kind: 'amendment', amendmentId: amendmentIds[0]!, version: 6 }),
  buildSignature({ id: testId(602), kind: 'hand_back', version: 9 }),
];
const order = buildRepairOrder({
  status: 'handed_back',
  jobs,
  totals: {
    exclVatCents: totals.exclVatCents,
    vatCents: totals.vatCents,
    inclVatCents: totals.inclVatCents,
    byRate: totals.byRate,
  },
  amendments: amendmentIds.map((id, index) => ({
    id,
    status: index === 0 ? 'authorised' : 'refused',
    note: 'Constat à l’atelier : usure avancée',
    createdAt: AT,
    createdBy: { id: testId(700), name: 'Marie Dubois' },
    jobIds: [jobs[2 + index]!.id],
    totalExclVatCents: jobs[2 + index]!.totalExclVatCents,
    decision: {
      decision: index === 0 ? 'authorised' : 'refused',
      channel: index === 0 ? 'signature' : 'phone',
      decidedAt: AT,
      recordedBy: { id: testId(700), name: 'Marie Dubois' },
      call: index === 0 ? null : { caller: 'Marie Dubois', callee: 'Mme Lefèvre', calledAt: AT },
      signatureId: index === 0 ? signatures[1]!.id : null,
      reason: null,
    },
  })),
  signatures,
  handBack: {
    checklist: { workDone: true, declinedWorkReminded: true, nextDueReminded: true },
    handedBackAt: AT,
    handedBackBy: { id: testId(700), name: 'Marie Dubois' },
    signatureId: signatures[2]!.id,
  },
  closedAt: AT,
});
// A pad's strokes at a tablet's size: 600 × 200, a few diagonal lines of ink.
const ink = buildPngDataUrl(600, 200, (x, y) => Math.abs(((x * 200) / 600 - y) % 40) < 2);
const signatureImages = Object.fromEntries(signatures.map((each) => [each.id, ink]));
const settings = {
  ...DEFAULT_SETTINGS,
  company: { ...DEFAULT_SETTINGS.company, name: 'Garage du Parc', legalFooter: 'SARL — RCS Lyon' },
};
const input = {
  order,
  settings,
  client: buildClient({ civility: 'mrs', firstName: 'Hélène', lastName: 'Lefèvre' }),
  vehicle: buildVehicle({ make: 'Citroën', model: 'C3' }),
  signatureImages,
  today: '2026-11-24',
};

for (let i = 0; i < 5; i++) buildRepairOrderPdf(input).output('arraybuffer');
const times: number[] = [];
let bytes = 0;
let pages = 0;
for (let i = 0; i < RUNS; i++) {
  const before = performance.now();
  const doc = buildRepairOrderPdf(input);
  bytes = doc.output('arraybuffer').byteLength;
  times.push(performance.now() - before);
  pages = doc.getNumberOfPages();
}
const stats = summarize(times);
console.info(
  `\nRepair order PDF — ${jobs.length * LINES_PER_JOB} lines, 2 amendments, 3 signatures, ${pages} pages, ${(bytes / 1024).toFixed(0)} KB\n`,
);
console.info(line('build + output (Node, jsPDF)', stats));
console.info(
  `  target: < 200 ms — p95 ${stats.p95.toFixed(1)} ms (${stats.p95 < 200 ? 'met' : 'NOT met'})`,
);
console.info(
  '  (the quote of 120 lines beside it: npm run bench:pdf. Most of the difference is jsPDF\n' +
    "  decoding the signatures' PNG in JavaScript: about 50 ms each at 600 × 200 on 2 shared cores;\n" +
    '  the pad exports at most 600 px wide for that reason, SignaturePadField.tsx)\n',
);

const bundle = readBundle();
const chunk = bundle.lazy(/build-repair-order-pdf\.ts$/);
console.info(
  `Bundle (gzip): the OR PDF chunk, on demand: ${bundle.gzipKb(chunk).toFixed(1)} KB  ${chunk.join(', ')}\n`,
);
