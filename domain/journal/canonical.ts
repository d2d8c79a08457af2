/*
 * The journal's canonical serialisation (docs/decisions/0018-journal.md): compact JSON, object
 * keys in code-unit order, integers only (money is cents, times are ISO strings in UTC), no
 * `undefined`. The same value always gives the same bytes, on any machine, in any release, so
 * an entry's hash can be recomputed by anyone from its stored text.
 */

export type Canonical =
  | null
  | boolean
  | number
  | string
  | Canonical[]
  | { [key: string]: Canonical };

function write(value: unknown, path: string, out: string[]): void {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') {
    out.push(JSON.stringify(value));
    return;
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error(`canonical: ${path} is not an integer`);
    // -0 would print as 0 and read back as 0: one value, one text.
    out.push(String(value === 0 ? 0 : value));
    return;
  }
  if (Array.isArray(value)) {
    out.push('[');
    value.forEach((item, index) => {
      if (index > 0) out.push(',');
      write(item, `${path}[${index}]`, out);
    });
    out.push(']');
    return;
  }
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    out.push('{');
    keys.forEach((key, index) => {
      const item = (value as Record<string, unknown>)[key];
      if (item === undefined) throw new Error(`canonical: ${path}.${key} is undefined`);
      if (index > 0) out.push(',');
      out.push(JSON.stringify(key), ':');
      write(item, `${path}.${key}`, out);
    });
    out.push('}');
    return;
  }
  throw new Error(`canonical: ${path} cannot be serialised (${typeof value})`);
}

/** Throws on what has no canonical form (a float, undefined, a function): a bug, not input. */
export function canonicalize(value: unknown): string {
  const out: string[] = [];
  write(value, '$', out);
  return out.join('');
}
