#!/usr/bin/env node
// `npm run validate:cii`, step 2: runs the official validators on every .xml of a folder
// (decision 0017). The validators are not in the repository (their licences and size); this
// only points at them, through environment variables:
//   EN16931_CII_XSLT         ConnectingEurope/eInvoicing-EN16931 cii/xslt/EN16931-CII-validation.xslt
//   FACTURX_XSD              fnfempe/France_RFE FNFE_RFE_INVOICE/Factur-X/EN16931/1xsd/Factur-X_EN16931.xsd
//   FACTURX_SCHEMATRON_XSLT  fnfempe/France_RFE FNFE_RFE_INVOICE/Factur-X/EN16931/2xslt/FACTUR-X_EN16931.xslt
//                            (its FACTUR-X_EN16931_codedb.xml beside it)
//   BR_FR_XSLT               fnfempe/France_RFE FNFE_RFE_INVOICE/Factur-X/EN16931/2xslt/BR-FR-Flux2-Schematron-CII.xslt
//                            (the fatal version; its _WARNING twin reports the same rules as warnings)
//   SAXON_JAR                default /usr/share/java/Saxon-HE.jar (Debian: libsaxonhe-java)
// It fails on any failed-assert whose flag is fatal or missing, and reports warnings.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const dir = process.argv[2] ?? join(tmpdir(), 'gestionpro-cii-samples');
const saxon = process.env.SAXON_JAR ?? '/usr/share/java/Saxon-HE.jar';
const schematrons = [
  ['EN 16931 (CEN)', 'EN16931_CII_XSLT'],
  ['Factur-X EN 16931', 'FACTURX_SCHEMATRON_XSLT'],
  ['BR-FR', 'BR_FR_XSLT'],
].map(([label, variable]) => [label, process.env[variable], variable]);
const xsd = process.env.FACTURX_XSD;

const missing = [];
if (!existsSync(saxon))
  missing.push(`SAXON_JAR (${saxon}): apt-get install -y libsaxonhe-java default-jre-headless`);
for (const [label, path, variable] of schematrons) {
  if (!path || !existsSync(path)) missing.push(`${variable} (${label} XSLT): ${path ?? 'unset'}`);
}
if (!xsd || !existsSync(xsd))
  missing.push(`FACTURX_XSD (Factur-X EN 16931 XSD): ${xsd ?? 'unset'}`);
if (
  spawnSync('sh', ['-c', 'command -v xmllint && command -v java'], { stdio: 'ignore' }).status !== 0
) {
  missing.push('xmllint and java: apt-get install -y libxml2-utils default-jre-headless');
}
if (missing.length > 0) {
  console.error('✗ validate:cii needs the official validators (see the header of this script):');
  for (const item of missing) console.error(`  - ${item}`);
  process.exit(2);
}

const files = existsSync(dir)
  ? readdirSync(dir)
      .filter((file) => file.endsWith('.xml'))
      .sort()
  : [];
if (files.length === 0) {
  console.error(`✗ no .xml file in ${dir}`);
  process.exit(2);
}

/** Every failed assert of an SVRL report, its flag `fatal` when it has none. */
function readFailedAsserts(svrl) {
  const asserts = [];
  for (const match of svrl.matchAll(
    /<svrl:failed-assert\b([^>]*)>([\s\S]*?)<\/svrl:failed-assert>/g,
  )) {
    const attributes = match[1];
    const id = /\bid="([^"]*)"/.exec(attributes)?.[1] ?? '?';
    const flag = /\bflag="([^"]*)"/.exec(attributes)?.[1] ?? 'fatal';
    const location = /\blocation="([^"]*)"/.exec(attributes)?.[1] ?? '';
    const text = (/<svrl:text>([\s\S]*?)<\/svrl:text>/.exec(match[2])?.[1] ?? '')
      .replace(/\s+/g, ' ')
      .trim();
    asserts.push({ id, flag, location, text });
  }
  return asserts;
}

const out = mkdtempSync(join(tmpdir(), 'gestionpro-svrl-'));
let fatalTotal = 0;
const results = new Map(files.map((file) => [file, []]));

const schema = spawnSync(
  'xmllint',
  ['--noout', '--schema', xsd, ...files.map((f) => join(dir, f))],
  {
    encoding: 'utf8',
  },
);
for (const file of files) {
  const errors = schema.stderr
    .split('\n')
    .filter((line) => line.startsWith(join(dir, file)) && !line.endsWith(' validates'));
  results.get(file).push({ label: 'Factur-X XSD', fatal: errors, warnings: [] });
}

for (const [label, xslt] of schematrons) {
  const target = join(out, label.replace(/\W+/g, '-'));
  mkdirSync(target);
  // One JVM per rule set: Saxon transforms the whole folder into a folder of reports.
  const run = spawnSync('java', ['-jar', saxon, `-s:${dir}`, `-xsl:${xslt}`, `-o:${target}`], {
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.error(`✗ ${label}: Saxon failed\n${run.stderr}`);
    process.exit(1);
  }
  for (const file of files) {
    const asserts = readFailedAsserts(readFileSync(join(target, file), 'utf8'));
    results.get(file).push({
      label,
      fatal: asserts
        .filter((a) => a.flag === 'fatal')
        .map((a) => `${a.id} ${a.text} (${a.location})`),
      warnings: asserts.filter((a) => a.flag !== 'fatal').map((a) => `${a.flag} ${a.id} ${a.text}`),
    });
  }
}

for (const [file, checks] of results) {
  console.info(`\n${basename(file)}`);
  for (const { label, fatal, warnings } of checks) {
    fatalTotal += fatal.length;
    console.info(
      `  ${fatal.length === 0 ? '✓' : '✗'} ${label}: ${fatal.length} fatal, ${warnings.length} warning(s)`,
    );
    for (const line of fatal) console.info(`      fatal: ${line}`);
    for (const line of warnings) console.info(`      ${line}`);
  }
}
console.info(
  `\n${fatalTotal === 0 ? '✓' : '✗'} ${files.length} invoice(s), ${fatalTotal} failed fatal assertion(s)`,
);
process.exit(fatalTotal === 0 ? 0 : 1);
