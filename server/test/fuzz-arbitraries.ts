import fc from 'fast-check';
import type { JsonSchema } from './route-catalog';

/**
 * Requests for the fuzzer, drawn by fast-check from the OpenAPI document: values the schemas
 * describe, values that break them (NUL, lone surrogates, year 0000, 2³¹, 70 000 characters,
 * wrong types), and bodies that are not JSON at all. Records are named by pool and index and
 * resolved when sent, so that one seed draws the same requests on every run and engine.
 */

export type Pool = 'client' | 'vehicle' | 'quote' | 'alert' | 'staff' | 'displayToken';
/** A record of a pool, resolved when the request is sent. */
export type PoolRef = { $pool: Pool; $index: number };

export function isPoolRef(value: unknown): value is PoolRef {
  return typeof value === 'object' && value !== null && '$pool' in value && '$index' in value;
}

const ISO_DATE_PATTERN = '^(\\d{4})-(\\d{2})-(\\d{2})$';

export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\udfff\ud800',
    '😀',
    'Éloïse Œ',
    '\u202eabc',
    '%00',
    '%',
    '_',
    '\\',
    '"',
    "'; DROP TABLE clients; --",
    '<script>alert(1)</script>',
    '0000-01-01',
    '9999-12-31',
    '2026-02-30',
    '1899-12-31',
    '2101-01-01',
    '2147483648',
    '-1',
    'NaN',
    'null',
    '00000000-0000-0000-0000-000000000000',
    '\n\r\t',
    '* * * * * *',
  ),
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.string({ maxLength: 24 }),
  fc.constantFrom(300, 2_100, 70_000).map((length) => 'x'.repeat(length)),
);

export const nastyNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -1,
    1,
    0.5,
    1.0005,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53,
    1e308,
    -1e308,
    1e-7,
    10_000,
    10_001,
    100_000,
    3_000_001,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  nastyNumber,
  fc.constantFrom(null, true, false, [], {}, [null], { a: 1 }, ['x']),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Bodies that are not what any route reads. */
export const garbageBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"version":',
    'null',
    '[]',
    '"x"',
    '1',
    'true',
    'not json',
    '{"a":1}{"b":2}',
    '\u0000',
    '{"__proto__":{"admin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    `{"a":${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}}`,
  ),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value) ?? 'null'),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      undefined,
      '',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=iso-8859-1',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/merge-patch+json',
      'application/xml',
      'application/json, text/plain',
    ),
  },
);

function poolOfProperty(name: string | undefined): Pool | null {
  switch (name) {
    case 'clientId':
      return 'client';
    case 'vehicleId':
      return 'vehicle';
    case 'subjectId':
      return 'vehicle';
    case 'assigneeId':
      return 'staff';
    case 'id':
      return null;
    default:
      return null;
  }
}

export const poolRef = (pool: Pool): fc.Arbitrary<PoolRef> =>
  fc.nat({ max: 7 }).map((index) => ({ $pool: pool, $index: index }));

const isoDate = fc.oneof(
  fc
    .date({
      min: new Date('1890-01-01T00:00:00Z'),
      max: new Date('2110-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10)),
  fc.constantFrom(
    '2026-11-24',
    '2026-11-25',
    '2026-11-26',
    '2000-02-29',
    '1900-01-01',
    '2100-12-31',
  ),
);

type Context = { schemas: Record<string, JsonSchema> };

function resolve(context: Context, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let depth = 0; typeof current.$ref === 'string' && depth < 10; depth++) {
    current = context.schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
  }
  return current;
}

function numberFrom(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000_000;
  const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
  const low = Math.max(min, Number.MIN_SAFE_INTEGER);
  const high = Math.min(max, Number.MAX_SAFE_INTEGER);
  const inRange = integer
    ? fc.integer({ min: Math.ceil(low), max: Math.floor(Math.max(low, high)) })
    : fc.double({ min: low, max: Math.max(low, high), noNaN: true });
  return fc.oneof(
    { weight: 6, arbitrary: inRange },
    { weight: 1, arbitrary: fc.constantFrom(low, high, low - 1, high + 1) },
  );
}

function stringFrom(schema: JsonSchema, property: string | undefined): fc.Arbitrary<unknown> {
  const pool = poolOfProperty(property);
  if (schema.format === 'uuid') {
    return pool ? fc.oneof(poolRef(pool), fc.uuid()) : fc.uuid();
  }
  if (schema.pattern === ISO_DATE_PATTERN) return isoDate;
  if (schema.format === 'date-time')
    return fc.date({ noInvalidDate: true }).map((date) => date.toISOString());
  if (schema.format === 'email') return fc.emailAddress();
  const max = typeof schema.maxLength === 'number' ? Math.min(schema.maxLength, 40) : 40;
  const min = typeof schema.minLength === 'number' ? Math.min(schema.minLength, max) : 0;
  return fc.string({ minLength: min, maxLength: max });
}

/** A value the document's schema describes (often valid; patterns are only approximated). */
export function valueFromSchema(
  context: Context,
  raw: JsonSchema,
  property?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const schema = resolve(context, raw);
  if (depth > 6) return fc.constant(null);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  if ('const' in schema) return fc.constant(schema.const);
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches && branches.length > 0) {
    return fc.oneof(
      ...branches.map((branch) => valueFromSchema(context, branch, property, depth + 1)),
    );
  }
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type];
  const arbitraries = types.map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return numberFrom(schema, true);
      case 'number':
        return numberFrom(schema, false);
      case 'string':
        return stringFrom(schema, property);
      case 'array': {
        const items = (schema.items ?? {}) as JsonSchema;
        const maxItems = typeof schema.maxItems === 'number' ? Math.min(schema.maxItems, 3) : 3;
        return fc.array(valueFromSchema(context, items, property, depth + 1), {
          maxLength: maxItems,
        });
      }
      case 'object': {
        const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
        const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
        const model = Object.fromEntries(
          Object.entries(properties).map(([name, value]) => [
            name,
            valueFromSchema(context, value, name, depth + 1),
          ]),
        );
        return fc.record(model, { requiredKeys: required.filter((name) => name in properties) });
      }
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  });
  return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
}

/** One change to a body: a node picked by `at` (modulo the body's nodes) replaced, removed or grown. */
export type Mutation = { at: number; action: 'replace' | 'remove' | 'add'; value: unknown };

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    at: fc.nat(),
    action: fc.constantFrom('replace', 'replace', 'replace', 'remove', 'add'),
    value: nastyValue,
  }),
  { minLength: 1, maxLength: 3 },
);

type Node = { parent: Record<string, unknown> | unknown[]; key: string | number };

function listNodes(value: unknown, nodes: Node[] = []): Node[] {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      nodes.push({ parent: value, key: index });
      listNodes(item, nodes);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      nodes.push({ parent: value as Record<string, unknown>, key });
      listNodes(item, nodes);
    }
  }
  return nodes;
}

/** The body with the mutations applied (a deep copy; the example is left as it was). */
export function applyMutations(body: unknown, changes: readonly Mutation[]): unknown {
  const copy: unknown = structuredClone(body);
  for (const change of changes) {
    // A copy each time: drawn values are shared between samples, and must never nest in themselves.
    const value: unknown = structuredClone(change.value);
    const nodes = listNodes(copy);
    const node = nodes[change.at % Math.max(nodes.length, 1)];
    if (!node) return value;
    const { parent, key } = node;
    if (Array.isArray(parent) && typeof key === 'number') {
      if (change.action === 'remove') parent.splice(key, 1);
      else if (change.action === 'add') parent.push(value);
      else parent[key] = value;
    } else if (!Array.isArray(parent)) {
      if (change.action === 'remove') delete parent[String(key)];
      else if (change.action === 'add') parent[`extra${change.at % 7}`] = value;
      else parent[String(key)] = value;
    }
  }
  return copy;
}
