// `npm run validate:cii`, step 1: writes the CII of each sample invoice (domain/testing/
// invoice-samples.ts) to a folder, for scripts/validate-cii.mjs to hand to the validators.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCiiInvoice } from '../domain/invoice/cii';
import { INVOICE_SAMPLES } from '../domain/testing/invoice-samples';

const dir = process.argv[2] ?? join(tmpdir(), 'gestionpro-cii-samples');
mkdirSync(dir, { recursive: true });
for (const [name, invoice] of Object.entries(INVOICE_SAMPLES)) {
  writeFileSync(join(dir, `${name}.xml`), buildCiiInvoice(invoice));
}
console.info(`${Object.keys(INVOICE_SAMPLES).length} CII samples written to ${dir}`);
