import type { RouteConfig } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from './app';
import { createAuthState } from './features/auth/auth.service';
import { startTestServer, type TestServer } from './test/harness';

/**
 * The document must say what the schemas accept: every enum, literal and union of a route's
 * request and responses is compared, node by node, with the document the server serves. The
 * document does not depend on the engine, so this runs on PGlite only.
 */

type JsonSchema = { [key: string]: unknown };
type Document = {
  paths: Record<string, Record<string, JsonSchema>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** The part of a zod definition the walk reads (zod's own `_zod.def`, one type per kind). */
type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  values?: unknown[];
  getter?: () => z.ZodType;
};

function defOf(schema: z.ZodType): Def {
  return schema._zod.def as Def;
}

const WRAPPERS = new Set(['optional', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/** The schema a wrapper, a pipe or a lazy stands for, as documented (a pipe by its input). */
function unwrap(schema: z.ZodType): z.ZodType {
  const def = defOf(schema);
  if (WRAPPERS.has(def.type) || def.type === 'nullable') return unwrap(def.innerType!);
  if (def.type === 'lazy') return unwrap(def.getter!());
  if (def.type === 'pipe') {
    const input = def.in!;
    return unwrap(defOf(input).type === 'transform' ? def.out! : input);
  }
  return schema;
}

/** The values an enum, a literal or a union of them takes; null when one branch is open. */
function optionsOf(schema: z.ZodType): unknown[] | null {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'enum') return [...(inner as z.ZodEnum).options];
  if (def.type === 'literal') return [...def.values!];
  if (def.type === 'union') {
    const all = def.options!.map(optionsOf);
    return all.every((values) => values !== null) ? all.flat() : null;
  }
  return null;
}

function sorted(values: unknown[]): string[] {
  return [
    ...new Set(values.filter((value) => value !== null).map((value) => JSON.stringify(value))),
  ].sort();
}

type Walk = { document: Document; checked: number; mismatches: string[] };

function resolve(walk: Walk, node: JsonSchema): JsonSchema {
  let current = node;
  for (let depth = 0; typeof current.$ref === 'string' && depth < 20; depth++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = walk.document.components?.schemas?.[name] ?? {};
  }
  return current;
}

/** The branches of a documented union, less the `{ type: 'null' }` of a nullable. */
function branchesOf(walk: Walk, node: JsonSchema): JsonSchema[] | null {
  const branches = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  if (!branches) return null;
  return branches.map((branch) => resolve(walk, branch)).filter((branch) => branch.type !== 'null');
}

/** The values a documented node allows: enum, const, or the union of its branches'. */
function documentedOptions(walk: Walk, node: JsonSchema): unknown[] | null {
  if (Array.isArray(node.enum)) return node.enum;
  if ('const' in node) return [node.const];
  const branches = branchesOf(walk, node);
  if (!branches) return null;
  const all = branches.map((branch) => documentedOptions(walk, branch));
  return all.every((values) => values !== null) ? all.flat() : null;
}

function compare(walk: Walk, schema: z.ZodType, raw: JsonSchema, path: string): void {
  const node = resolve(walk, raw);
  const expected = optionsOf(schema);
  if (expected) {
    walk.checked += 1;
    const documented = documentedOptions(walk, node);
    if (!documented || sorted(documented).join() !== sorted(expected).join()) {
      walk.mismatches.push(
        `${path}: the schema takes ${sorted(expected).join(', ')}, the document says ${documented ? sorted(documented).join(', ') : JSON.stringify(node)}`,
      );
    }
    return;
  }
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def.type === 'union') {
    walk.checked += 1;
    const branches = branchesOf(walk, node) ?? [];
    if (branches.length !== def.options!.length) {
      walk.mismatches.push(
        `${path}: ${def.options!.length} alternatives in the schema, ${branches.length} in the document`,
      );
      return;
    }
    def.options!.forEach((option, index) => {
      compare(walk, option, branches[index]!, `${path}|${index}`);
    });
    return;
  }
  const plain = branchesOf(walk, node)?.length === 1 ? branchesOf(walk, node)![0]! : node;
  if (def.type === 'object') {
    const properties = (plain.properties ?? {}) as Record<string, JsonSchema>;
    for (const [key, value] of Object.entries(def.shape!)) {
      const documented = properties[key];
      if (!documented) walk.mismatches.push(`${path}.${key}: not in the document`);
      else compare(walk, value, documented, `${path}.${key}`);
    }
  } else if (def.type === 'array') {
    compare(walk, def.element!, (plain.items ?? {}) as JsonSchema, `${path}[]`);
  } else if (def.type === 'record' && typeof plain.additionalProperties === 'object') {
    compare(walk, def.valueType!, plain.additionalProperties as JsonSchema, `${path}{}`);
  }
}

type Content = Record<string, { schema?: unknown }> | undefined;

function jsonSchemaOf(content: Content): z.ZodType | null {
  const schema = content?.['application/json']?.schema;
  return schema instanceof z.ZodType ? schema : null;
}

function compareRoute(walk: Walk, route: RouteConfig): void {
  const operation = walk.document.paths[route.path]?.[route.method];
  const where = `${route.method.toUpperCase()} ${route.path}`;
  if (!operation) {
    walk.mismatches.push(`${where}: not in the document`);
    return;
  }
  const parameters = (operation.parameters ?? []) as Array<{
    name: string;
    in: string;
    schema: JsonSchema;
  }>;
  for (const [place, schema] of [
    ['query', route.request?.query],
    ['path', route.request?.params],
  ] as const) {
    if (!(schema instanceof z.ZodObject)) continue;
    for (const [name, value] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
      const parameter = parameters.find((entry) => entry.name === name && entry.in === place);
      if (!parameter) walk.mismatches.push(`${where} ${place} ${name}: not in the document`);
      else compare(walk, value, parameter.schema, `${where} ${place}.${name}`);
    }
  }
  const body = jsonSchemaOf(route.request?.body?.content as Content);
  const documentedBody = (operation.requestBody as { content?: Content } | undefined)?.content?.[
    'application/json'
  ]?.schema as JsonSchema | undefined;
  if (body && documentedBody) compare(walk, body, documentedBody, `${where} body`);
  for (const [status, response] of Object.entries(route.responses)) {
    const schema = jsonSchemaOf((response as { content?: Content }).content);
    const documented = (
      (operation.responses as Record<string, { content?: Content }>)[status]?.content?.[
        'application/json'
      ] as { schema?: JsonSchema } | undefined
    )?.schema;
    if (schema && documented) compare(walk, schema, documented, `${where} ${status}`);
  }
}

describe('the OpenAPI document', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer('pglite');
  });
  afterAll(() => server?.close());

  it('lists exactly the values each enum, literal and union of every route accepts', async () => {
    const app = createApp(server.deps, createAuthState());
    const response = await server.client().raw('GET', '/api/openapi.json');
    const walk: Walk = {
      document: (await response.json()) as Document,
      checked: 0,
      mismatches: [],
    };
    const routes = app.openAPIRegistry.definitions.flatMap((definition) =>
      definition.type === 'route' ? [definition.route] : [],
    );
    for (const route of routes) compareRoute(walk, route);
    console.info(`openapi: ${routes.length} routes, ${walk.checked} enums and unions compared`);
    expect(walk.mismatches).toEqual([]);
    expect(routes.length).toBeGreaterThan(50);
    expect(walk.checked).toBeGreaterThan(100);
  });

  it('documents the VAT rates a line may carry: all five', async () => {
    const response = await server.client().raw('GET', '/api/openapi.json');
    const document = (await response.json()) as Document;
    const quote = document.components?.schemas?.Quote as JsonSchema;
    const text = JSON.stringify(quote);
    expect(text).toContain('"vatRateBp":{"type":"integer","enum":[2000,1000,550,210,0]}');
  });
});
