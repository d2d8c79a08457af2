import { describe, expect, it } from 'vitest';
import { toSameSitePath } from './safe-next';

const ORIGIN = 'https://garage.test';

describe('where the login page sends a user back', () => {
  it('keeps a path of this site, with its query and fragment', () => {
    expect(toSameSitePath('/quotes/42?tab=lines#l3', ORIGIN)).toBe('/quotes/42?tab=lines#l3');
    expect(toSameSitePath('/clients', ORIGIN)).toBe('/clients');
  });

  it('sends anything else home: other sites, schemes, and what browsers read as them', () => {
    for (const next of [
      undefined,
      '',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/\t/evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      '/%5Cevil.example',
      ' /clients',
      'clients',
      `${ORIGIN}.evil.example/`,
    ]) {
      const target = toSameSitePath(next, ORIGIN);
      expect(new URL(target, ORIGIN).origin).toBe(ORIGIN);
      expect(target.startsWith('/')).toBe(true);
      expect(target.startsWith('//')).toBe(false);
      expect(target).not.toContain('\\');
    }
    expect(toSameSitePath('/\\evil.example', ORIGIN)).toBe('/');
    expect(toSameSitePath('/\t/evil.example', ORIGIN)).toBe('/');
  });
});
