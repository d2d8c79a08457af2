import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The feature tree of docs/decisions/0010-feature-boundaries.md, bottom first: a feature may
 * import only features listed before it, and only through their `<g>.service.ts`. Biome's
 * noRestrictedImports (biome.json) says the same at edit time; this test also resolves the
 * paths, sees dynamic imports and finds cycles.
 */
const FEATURE_ORDER = [
  'changes',
  'settings',
  'mail',
  'staff',
  'display-tokens',
  'auth',
  'clients',
  'vehicles',
  'quotes',
  'repair-orders',
  'journal',
  'invoices',
  'payments',
  'exports',
  'alerts',
  'dashboard',
  'search',
  'health',
];

/** Below every feature: what they stand on. */
const BASE = [
  'server/db/',
  'server/http/',
  'server/access.ts',
  'server/deps.ts',
  'server/env.ts',
  'server/journal-key.ts',
  'server/logger.ts',
  'server/version.ts',
];

/** Above every feature: what puts them together. */
const ABOVE = [
  'server/app.ts',
  'server/server.ts',
  'server/main.ts',
  'server/demo/',
  'server/realtime/',
  'server/jobs/',
];

/** What the layers above may import of a feature: its service, its routes, its publisher, its worker. */
const FEATURE_FACES = /^server\/features\/([^/]+)\/\1\.(service|routes|publisher|worker)\.ts$/;

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

type Import = { from: string; to: string; statement: string };

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.tsx?$/.test(file))
    .map((file) => join(folder, file).split('\\').join('/'));
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(ROOT, dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (/\.tsx?$/.test(candidate) && existsSync(candidate)) {
      return relative(ROOT, candidate).split('\\').join('/');
    }
  }
  return relative(ROOT, base).split('\\').join('/');
}

/** Static imports, re-exports and dynamic imports; comments dropped first. */
function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const pattern =
    /\b(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
  const found: Import[] = [];
  for (const match of text.matchAll(pattern)) {
    const to = resolveImport(file, match[1] ?? match[2]!);
    if (to) found.push({ from: file, to, statement: match[0].replace(/\s+/g, ' ') });
  }
  return found;
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file) || file.startsWith('server/test/');
const featureOf = (file: string) => /^server\/features\/([^/]+)\//.exec(file)?.[1];
const isIn = (file: string, places: string[]) =>
  places.some((place) => (place.endsWith('/') ? file.startsWith(place) : file === place));

const serverImports = sourceFiles('server')
  .filter((file) => !isTest(file))
  .flatMap(importsOf);

function describeImport({ from, to }: Import): string {
  return `${from} → ${to}`;
}

describe('the server’s layers', () => {
  it('lists every feature folder in the declared order, and no other', () => {
    const folders = readdirSync(join(ROOT, 'server/features'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...folders].sort()).toEqual([...FEATURE_ORDER].sort());
  });

  it('lets a feature reach another only through its service, and only down the tree', () => {
    const violations = serverImports
      .filter(({ from, to }) => {
        const source = featureOf(from);
        const target = featureOf(to);
        if (!source || !target || source === target) return false;
        const isService = to === `server/features/${target}/${target}.service.ts`;
        return !isService || FEATURE_ORDER.indexOf(target) >= FEATURE_ORDER.indexOf(source);
      })
      .map(describeImport);
    expect(violations).toEqual([]);
  });

  it('has no cycle between features', () => {
    const edges = new Map<string, Set<string>>();
    for (const { from, to } of serverImports) {
      const source = featureOf(from);
      const target = featureOf(to);
      if (source && target && source !== target) {
        edges.set(source, (edges.get(source) ?? new Set()).add(target));
      }
    }
    const cycles = new Set<string>();
    const visit = (feature: string, path: string[]) => {
      for (const next of edges.get(feature) ?? []) {
        if (!path.includes(next)) {
          visit(next, [...path, next]);
          continue;
        }
        // Each cycle once, started from its first feature in alphabetical order.
        const loop = path.slice(path.indexOf(next));
        const start = loop.indexOf([...loop].sort()[0]!);
        const rotated = [...loop.slice(start), ...loop.slice(0, start)];
        cycles.add([...rotated, rotated[0]].join(' → '));
      }
    };
    for (const feature of edges.keys()) visit(feature, [feature]);
    expect([...cycles].sort()).toEqual([]);
  });

  it('keeps the base layers free of features, and features free of what sits above them', () => {
    const violations = serverImports
      .filter(
        ({ from, to }) =>
          (isIn(from, BASE) && (featureOf(to) !== undefined || isIn(to, ABOVE))) ||
          (featureOf(from) !== undefined && isIn(to, ABOVE)),
      )
      .map(describeImport);
    expect(violations).toEqual([]);
  });

  it('lets the app, the server, the jobs and the demo use a feature through its service, routes or publisher', () => {
    const violations = serverImports
      .filter(({ from, to }) => isIn(from, ABOVE) && featureOf(to) && !FEATURE_FACES.test(to))
      .map(describeImport);
    expect(violations).toEqual([]);
  });
});

describe('the client and the domain', () => {
  it('keeps domain/ to itself: nothing from client/ or server/', () => {
    const violations = sourceFiles('domain')
      .flatMap(importsOf)
      .filter(({ to }) => !to.startsWith('domain/'))
      .map(describeImport);
    expect(violations).toEqual([]);
  });

  it('lets client/ import from server/ nothing but the type of the app', () => {
    const violations = sourceFiles('client')
      .flatMap(importsOf)
      .filter(
        ({ to, statement }) =>
          to.startsWith('server/') &&
          !(to === 'server/app.ts' && /^import type \{ ?AppType ?\} from/.test(statement)),
      )
      .map(describeImport);
    expect(violations).toEqual([]);
  });
});
