import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { expectStatus } from './api-client';
import { buildClientInput, buildJobs, buildVehicleInput } from './factories';
import type { TestServer } from './harness';

/**
 * What the standing suite (the role × route matrix, the fuzzer) knows of the API: the routes
 * from the OpenAPI document the server serves, a session for each kind of caller, records to
 * aim at, and a count of every table to tell whether a request wrote anything.
 */

export const CALLERS = ['anonymous', 'display', 'staff', 'admin', 'deactivated'] as const;
export type Caller = (typeof CALLERS)[number];

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
export type Method = Uppercase<(typeof METHODS)[number]>;

export type JsonSchema = { [key: string]: unknown };

const ParameterSchema = z.object({
  name: z.string(),
  in: z.enum(['query', 'path', 'header', 'cookie']),
  required: z.boolean().optional(),
  schema: z.record(z.string(), z.unknown()),
});
export type Parameter = z.infer<typeof ParameterSchema>;

const OperationSchema = z.object({
  parameters: z.array(ParameterSchema).optional(),
  requestBody: z
    .object({
      content: z.record(z.string(), z.object({ schema: z.record(z.string(), z.unknown()) })),
    })
    .optional(),
});

const DocumentSchema = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({ schemas: z.record(z.string(), z.record(z.string(), z.unknown())) }),
});

export type DocumentedRoute = {
  /** `POST /api/v1/clients/{id}/restore`: the key of the matrix's table. */
  key: string;
  method: Method;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
};

export type ApiDocument = { routes: DocumentedRoute[]; schemas: Record<string, JsonSchema> };

export async function readApiDocument(server: TestServer): Promise<ApiDocument> {
  const response = await server.client().raw('GET', '/api/openapi.json');
  const document = DocumentSchema.parse(await response.json());
  const routes: DocumentedRoute[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      if (!(method in operations)) continue;
      const operation = OperationSchema.parse(operations[method]);
      const upper = method.toUpperCase() as Method;
      routes.push({
        key: `${upper} ${path}`,
        method: upper,
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content['application/json']?.schema ?? null,
      });
    }
  }
  return { routes, schemas: document.components.schemas };
}

export type Sessions = Record<Caller, string | null>;

async function signInCookie(server: TestServer, path: string, body: unknown): Promise<string> {
  const response = await server.client().raw('POST', path, { body });
  if (response.status !== 200)
    throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

export type Fixtures = {
  clientIds: string[];
  vehicleIds: string[];
  quoteIds: string[];
  alertIds: string[];
  /** Accounts to aim at: never one of the sessions' own. */
  staffIds: string[];
  displayTokenIds: string[];
  /** A display token that stays valid, and an account that can sign in. */
  displayToken: string;
  login: { email: string; password: string };
};

let accounts = 0;

/**
 * A session for each caller (the deactivated one signed in, then deactivated), and a few records
 * of each kind. `again(caller)` signs a caller in anew after a request ended its session.
 */
export async function prepareCallers(server: TestServer): Promise<{
  sessions: Sessions;
  fixtures: Fixtures;
  again: (caller: Caller) => Promise<void>;
}> {
  const admin = await server.admin();
  const password = 'motdepasse-catalogue';
  const createAccount = async (role: 'staff' | 'admin') => {
    accounts += 1;
    const email = `catalogue${accounts}.${Date.now()}@garage.test`;
    const created = await expectStatus(
      201,
      admin.api.staff.$post({ json: { email, name: `Compte ${accounts}`, role, password } }),
    );
    return { id: created.id, version: created.version, email };
  };
  const accountOf: Partial<Record<Caller, { email: string }>> = {
    staff: await createAccount('staff'),
    admin: await createAccount('admin'),
  };
  const wall = await expectStatus(
    201,
    admin.api['display-tokens'].$post({ json: { name: 'Atelier du catalogue' } }),
  );
  const sessions: Sessions = {
    anonymous: null,
    display: null,
    staff: null,
    admin: null,
    deactivated: null,
  };
  const again = async (caller: Caller) => {
    const account = accountOf[caller];
    if (caller === 'display') {
      sessions.display = await signInCookie(server, '/api/v1/auth/display', { token: wall.token });
    } else if (account) {
      sessions[caller] = await signInCookie(server, '/api/v1/auth/login', {
        email: account.email,
        password,
      });
    }
  };
  await again('display');
  await again('staff');
  await again('admin');
  const leaving = await createAccount('staff');
  sessions.deactivated = await signInCookie(server, '/api/v1/auth/login', {
    email: leaving.email,
    password,
  });
  await expectStatus(
    200,
    admin.api.staff[':id'].$patch({
      param: { id: leaving.id },
      json: { version: leaving.version, active: false },
    }),
  );

  const clientIds: string[] = [];
  const vehicleIds: string[] = [];
  const quoteIds: string[] = [];
  const alertIds: string[] = [];
  for (let index = 0; index < 2; index++) {
    const client = await expectStatus(201, admin.api.clients.$post({ json: buildClientInput() }));
    const vehicle = await expectStatus(
      201,
      admin.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    const quote = await expectStatus(
      201,
      admin.api.quotes.$post({
        json: { clientId: client.id, vehicleId: vehicle.id, jobs: buildJobs(2) },
      }),
    );
    const alert = await expectStatus(
      201,
      admin.api.alerts.$post({
        json: {
          subjectType: 'vehicle',
          subjectId: vehicle.id,
          title: 'Rappel du catalogue',
          dueDate: '2027-03-01',
        },
      }),
    );
    clientIds.push(client.id);
    vehicleIds.push(vehicle.id);
    quoteIds.push(quote.id);
    alertIds.push(alert.id);
  }
  const target = await createAccount('staff');
  const spare = await expectStatus(
    201,
    admin.api['display-tokens'].$post({ json: { name: 'Écran à révoquer' } }),
  );
  const login = await createAccount('staff');
  return {
    sessions,
    again,
    fixtures: {
      clientIds,
      vehicleIds,
      quoteIds,
      alertIds,
      staffIds: [target.id, login.id],
      displayTokenIds: [spare.id],
      displayToken: wall.token,
      login: { email: login.email, password },
    },
  };
}

export type SentRequest = {
  method: Method;
  /** With its query string. */
  path: string;
  /** Sent as is; `undefined` sends no body. */
  body?: string;
  /** `undefined` sends none. */
  contentType?: string;
};

export type Reply = { status: number; text: string };

export async function send(
  server: TestServer,
  cookie: string | null,
  request: SentRequest,
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (cookie) headers.cookie = cookie;
  if (request.contentType !== undefined) headers['content-type'] = request.contentType;
  const response = await fetch(`${server.url}${request.path}`, {
    method: request.method,
    headers,
    body: request.body,
  });
  return { status: response.status, text: await response.text() };
}

const RowsSchema = z.object({ rows: z.array(z.record(z.string(), z.unknown())) });

async function selectRows(server: TestServer, query: string) {
  return RowsSchema.parse(await server.deps.db.execute(sql.raw(query))).rows;
}

/**
 * Rate-limit bookkeeping: a refused sign-in counts as an attempt there by design (OWASP ASVS),
 * so it is left out of "a refused request wrote nothing".
 */
const BOOKKEEPING = /attempt|rate_limit|throttl/;

/** Every table of the app's schema, less the bookkeeping above. */
export async function listTables(server: TestServer): Promise<string[]> {
  const rows = await selectRows(
    server,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  return rows.map((row) => String(row.table_name)).filter((name) => !BOOKKEEPING.test(name));
}

/** Rows per table and the change log's last seq, in one statement. */
export async function snapshotRows(
  server: TestServer,
  tables: readonly string[],
): Promise<Record<string, number>> {
  const counts = tables.map((table) => `(SELECT count(*) FROM "${table}") AS "${table}"`);
  const [row] = await selectRows(
    server,
    `SELECT ${counts.join(', ')}, (SELECT coalesce(max(seq), 0) FROM changes) AS "changes.lastSeq"`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([key, value]) => [key, Number(value)]));
}

/** What differs between two snapshots, as `table: before → after`. */
export function diffSnapshots(
  before: Record<string, number>,
  after: Record<string, number>,
): string[] {
  return Object.keys(after)
    .filter((key) => before[key] !== after[key])
    .map((key) => `${key}: ${before[key]} → ${after[key]}`);
}
