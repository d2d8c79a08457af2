/**
 * npm run bench:totals — a 300-line quote's totals recomputed on every keystroke, as the editor
 * does (parse the typed text, then the shared computeQuoteTotals). A frame is 16 ms; the target
 * is to stay well inside it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  computeDraftTotals,
  type DraftJob,
  emptyLine,
  toApiJobs,
} from '../client/features/quotes/quote-draft';
import { computeQuoteTotals } from '../domain/quote/totals';
import { QuoteCreateSchema } from '../domain/schemas/quote';
import { launchBrowser } from '../e2e/browser';
import { expectStatus } from '../server/test/api-client';
import { signIn, startBenchServer } from './bench-server';
import { line, summarize } from './stats';

const JOBS = 10;
const LINES_PER_JOB = 30;
const KEYSTROKES = 2000;

const jobs: DraftJob[] = Array.from({ length: JOBS }, (_, j) => ({
  key: `j${j}`,
  title: `Prestation ${j + 1}`,
  lines: Array.from({ length: LINES_PER_JOB }, (_, l) =>
    emptyLine(([2000, 1000, 550] as const)[l % 3]!, {
      kind: l % 4 === 0 ? 'labour' : 'part',
      description: `Ligne ${j}-${l}`,
      quantity: l % 4 === 0 ? '1,5' : String(1 + (l % 7)),
      unitPrice: `${10 + l},${String(l % 100).padStart(2, '0')}`,
      discount: l % 5 === 0 ? '10' : '0',
    }),
  ),
}));

// Warm up the JIT like a real session would be after a few seconds of typing.
for (let i = 0; i < 200; i++) computeDraftTotals(jobs, false);

const perKeystroke: number[] = [];
for (let i = 0; i < KEYSTROKES; i++) {
  const job = jobs[i % JOBS]!;
  const target = job.lines[i % LINES_PER_JOB]!;
  // The user types one more digit in a price (then it wraps around).
  target.unitPrice = `${(i % 900) + 10},${String(i % 100).padStart(2, '0')}`;
  const before = performance.now();
  computeDraftTotals(jobs, false);
  perKeystroke.push(performance.now() - before);
}

const { jobs: api } = toApiJobs(jobs);
const sharedOnly: number[] = [];
for (let i = 0; i < KEYSTROKES; i++) {
  const before = performance.now();
  computeQuoteTotals({ jobs: api!, vatExempt: false });
  sharedOnly.push(performance.now() - before);
}

console.info(
  `\nQuote totals on every keystroke — ${JOBS * LINES_PER_JOB} lines, ${KEYSTROKES} keystrokes\n`,
);
console.info(line('parse typed text + totals', summarize(perKeystroke)));
console.info(line('computeQuoteTotals alone', summarize(sharedOnly)));
const stats = summarize(perKeystroke);
console.info(
  `\n  target: well inside a 16 ms frame — p99 ${stats.p99.toFixed(2)} ms (${stats.p99 < 16 ? 'met' : 'NOT met'})\n`,
);

// The same in the real editor, in Chromium: from an input event in a price cell to the next
// frame, with the 300 line totals and the TTC total updated on screen.
if (!existsSync('dist/client/index.html'))
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
const server = await startBenchServer();
const { browser, close } = await launchBrowser();
try {
  const { client: admin, cookie } = await signIn(server.url);
  const client = await expectStatus(
    201,
    admin.api.clients.$post({ json: { kind: 'person', lastName: 'Banc' } }),
  );
  const quote = await expectStatus(
    201,
    // The editor's lines are typed loosely (client/): the server's own schema checks them first.
    admin.api.quotes.$post({ json: QuoteCreateSchema.parse({ clientId: client.id, jobs: api }) }),
  );
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1400, height: 900 },
  });
  await context.addCookies([{ name: 'gp_session', value: cookie.split('=')[1]!, url: server.url }]);
  const page = await context.newPage();
  await page.goto(`/quotes/${quote.id}`);
  await page.getByTestId('total-incl').waitFor();
  const samples: { sync: number[]; frame: number[] } = await page.evaluate(async () => {
    const input = document.querySelectorAll<HTMLInputElement>(
      'input[aria-label="Prix unitaire HT"]',
    )[150]!;
    const total = document.querySelector('[data-testid="total-incl"]')!;
    const sync: number[] = [];
    const frame: number[] = [];
    for (let i = 0; i < 100; i++) {
      const before = total.textContent;
      const start = performance.now();
      input.value = `${100 + i},${String(i).padStart(2, '0')}`;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      // Solid updates the DOM synchronously: this is the work a keystroke costs.
      sync.push(performance.now() - start);
      if (total.textContent === before) throw new Error('the total did not change');
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      frame.push(performance.now() - start);
    }
    return { sync, frame };
  });
  console.info(line('Chromium: keystroke → DOM updated', summarize(samples.sync)));
  console.info(line('Chromium: keystroke → next frame', summarize(samples.frame)));
  console.info('  (300 lines in the editor, totals and every line total on screen updated)\n');
} finally {
  await close();
  await server.close();
}
process.exit(0);
