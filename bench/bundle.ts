import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type ManifestEntry = {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};

const DIST = 'dist/client';

/**
 * The built client as Vite's manifest describes it: what the first page loads (the entry, its
 * static imports and their CSS) and what a lazily loaded module adds on top. Builds the client
 * first, so the figures are always those of the current code.
 */
export function readBundle() {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const manifest = JSON.parse(readFileSync(join(DIST, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestEntry
  >;

  /** Every file a module needs before it runs: itself, its static imports, their CSS. */
  const closure = (key: string, into = new Set<string>()): Set<string> => {
    const entry = manifest[key];
    if (!entry || into.has(entry.file)) return into;
    into.add(entry.file);
    for (const css of entry.css ?? []) into.add(css);
    for (const child of entry.imports ?? []) closure(child, into);
    return into;
  };
  const entryKey = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  if (!entryKey) throw new Error('dist/client/.vite/manifest.json has no entry');
  const initial = closure(entryKey);

  const gzipKb = (files: Iterable<string>) =>
    [...files].reduce((sum, file) => sum + gzipSync(readFileSync(join(DIST, file))).byteLength, 0) /
    1024;

  return {
    initial: [...initial],
    initialKb: gzipKb(initial),
    gzipKb,
    /** The files a lazily loaded module (matched on its source path) adds to the first page. */
    lazy(pattern: RegExp): string[] {
      const key = Object.keys(manifest).find((candidate) => pattern.test(candidate));
      if (!key) throw new Error(`no chunk in the build matches ${pattern}`);
      return [...closure(key)].filter((file) => !initial.has(file));
    },
  };
}
