import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from './test/databases';
import { buildClientInput, buildJobs, buildSettings, buildVehicleInput } from './test/factories';
import {
  applyMutations,
  contentType,
  garbageBody,
  isPoolRef,
  type Mutation,
  mutations,
  nastyNumber,
  nastyString,
  type Pool,
  type PoolRef,
  poolRef,
  valueFromSchema,
} from './test/fuzz-arbitraries';
import { startTestServer, type TestServer } from './test/harness';
import {
  type ApiDocument,
  type Caller,
  type DocumentedRoute,
  diffSnapshots,
  type Fixtures,
  listTables,
  prepareCallers,
  readApiDocument,
  type SentRequest,
  type Sessions,
  send,
  snapshotRows,
} from './test/route-catalog';

/**
 * The standing fuzzer: requests drawn by fast-check from the OpenAPI document, for every route
 * and every kind of caller, with random and malformed bodies, queries, params and content types.
 * No answer may be a 5xx, and a refused request (4xx) may change neither a table's rows nor the
 * change log. A fixed seed in CI; `npm run fuzz -- --seed N --runs N` for a bigger run.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);

type BodyPlan =
  | { kind: 'none' }
  | { kind: 'example'; mutations: Mutation[] | null }
  | { kind: 'schema'; value: unknown; mutations: Mutation[] | null }
  | { kind: 'raw'; text: string };

type Plan = {
  route: string;
  caller: Caller;
  params: Record<string, string | PoolRef>;
  query: Array<[string, string]>;
  body: BodyPlan;
  contentType: string | undefined;
};

/** Valid bodies to start from: the fuzzer mutates them, so that requests reach the services. */
const EXAMPLES: Record<string, (fixtures: Fixtures) => unknown> = {
  'POST /api/v1/auth/login': (fixtures) => fixtures.login,
  'POST /api/v1/auth/display': (fixtures) => ({ token: fixtures.displayToken }),
  'POST /api/v1/staff': () => ({
    email: `fuzz.${crypto.randomUUID()}@garage.test`,
    name: 'Fuzz',
    role: 'staff',
    password: 'motdepasse-fuzz',
  }),
  'PATCH /api/v1/staff/{id}': () => ({ version: 1, name: 'Fuzz', role: 'staff' }),
  'POST /api/v1/clients': () => buildClientInput({ siret: '732 829 320 00074' }),
  'PATCH /api/v1/clients/{id}': () => ({ version: 1, notes: 'Rappeler', city: 'Lyon' }),
  'POST /api/v1/vehicles': (fixtures) => buildVehicleInput(fixtures.clientIds[0]!),
  'PATCH /api/v1/vehicles/{id}': () => ({
    version: 1,
    make: 'Peugeot',
    firstRegistrationDate: '2018-05-02',
  }),
  'POST /api/v1/vehicles/{id}/inspections': () => ({
    date: '2026-01-10',
    result: 'major',
    notes: 'Freins',
  }),
  'POST /api/v1/vehicles/{id}/mileage': () => ({ date: '2026-01-10', km: 61_000 }),
  'POST /api/v1/vehicles/{id}/services': () => ({
    date: '2026-01-10',
    km: 61_000,
    notes: 'Vidange',
  }),
  'POST /api/v1/vehicles/{id}/transfer': (fixtures) => ({
    clientId: fixtures.clientIds[1],
    version: 1,
  }),
  'POST /api/v1/quotes': (fixtures) => ({
    clientId: fixtures.clientIds[0],
    vehicleId: fixtures.vehicleIds[0],
    mileageKm: 60_000,
    jobs: buildJobs(2),
    notes: 'Devis',
  }),
  'PATCH /api/v1/quotes/{id}': () => ({ version: 1, jobs: buildJobs(1), validUntil: '2027-01-31' }),
  'POST /api/v1/quotes/{id}/transition': () => ({ version: 1, to: 'sent', channel: 'email' }),
  'PUT /api/v1/settings': () => ({ ...buildSettings(), version: 0 }),
  'PATCH /api/v1/settings': () => ({
    version: 1,
    quoteValidityDays: 20,
    paymentTerms: 'À 30 jours',
  }),
  'POST /api/v1/display-tokens': () => ({ name: 'Atelier' }),
  'POST /api/v1/alerts': (fixtures) => ({
    subjectType: 'vehicle',
    subjectId: fixtures.vehicleIds[0],
    title: 'Rappeler',
    dueDate: '2027-02-01',
  }),
  'POST /api/v1/alerts/{id}/ack': () => ({ version: 1 }),
  'POST /api/v1/alerts/{id}/snooze': () => ({ version: 1, until: '2027-01-15' }),
  'POST /api/v1/alerts/{id}/assign': () => ({ version: 1, assigneeId: null }),
  'POST /api/v1/alerts/{id}/resolve': () => ({ version: 1 }),
  'POST /api/v1/invoices': (fixtures) => ({ quoteId: fixtures.quoteIds[0] }),
  'PATCH /api/v1/invoices/{id}': () => ({
    version: 1,
    note: 'Fuzz',
    payment: { dueDate: '2027-01-31', latePenaltyRateBp: 1215 },
  }),
  'POST /api/v1/invoices/{id}/credit-note': () => ({ lines: [{ position: 0, quantity: 1 }] }),
  'PATCH /api/v1/alert-rules': () => ({ version: 1, openDaysBefore: 45, schedule: '*/30 * * * *' }),
};

const CALLER_WEIGHTS: Array<{ weight: number; arbitrary: fc.Arbitrary<Caller> }> = [
  { weight: 3, arbitrary: fc.constant('admin') },
  { weight: 3, arbitrary: fc.constant('staff') },
  { weight: 2, arbitrary: fc.constant('display') },
  { weight: 2, arbitrary: fc.constant('anonymous') },
  { weight: 1, arbitrary: fc.constant('deactivated') },
];

/** The pool a route's `{id}` names, from the path. */
function poolOfPath(path: string): Pool {
  const POOLS: Array<[string, Pool]> = [
    ['/clients/', 'client'],
    ['/vehicles/', 'vehicle'],
    ['/quotes/', 'quote'],
    ['/alerts/', 'alert'],
    ['/staff/', 'staff'],
    ['/display-tokens/', 'displayToken'],
  ];
  return POOLS.find(([prefix]) => path.includes(prefix))?.[1] ?? 'client';
}

function toQueryValue(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}

function planFor(document: ApiDocument, route: DocumentedRoute): fc.Arbitrary<Plan> {
  const context = { schemas: document.schemas };
  const params = Object.fromEntries(
    route.parameters
      .filter((parameter) => parameter.in === 'path')
      .map((parameter) => [
        parameter.name,
        parameter.name === 'id'
          ? fc.oneof(
              { weight: 6, arbitrary: poolRef(poolOfPath(route.path)) },
              { weight: 2, arbitrary: fc.uuid() },
              { weight: 2, arbitrary: nastyString },
            )
          : fc.oneof(
              fc.integer({ min: 1, max: 3 }).map(String),
              nastyNumber.map(String),
              nastyString,
            ),
      ]),
  );
  const query = fc
    .tuple(
      ...route.parameters
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) =>
          fc
            .option(
              fc.oneof(
                {
                  weight: 3,
                  arbitrary: valueFromSchema(context, parameter.schema).map(toQueryValue),
                },
                { weight: 1, arbitrary: nastyString },
              ),
              { freq: 3 },
            )
            .map(
              (value): Array<[string, string]> => (value === null ? [] : [[parameter.name, value]]),
            ),
        ),
      fc.option(fc.tuple(fc.constantFrom('q', 'limit', 'cursor', 'after', 'extra'), nastyString), {
        freq: 6,
      }),
    )
    .map(([...parts]) => {
      const extra = parts.pop() as [string, string] | null;
      const pairs = (parts as Array<Array<[string, string]>>).flat();
      return extra ? [...pairs, extra] : pairs;
    });
  const hasExample = route.key in EXAMPLES;
  const body: fc.Arbitrary<BodyPlan> = route.body
    ? fc.oneof(
        {
          weight: hasExample ? 5 : 0,
          arbitrary: fc
            .option(mutations, { freq: 4 })
            .map((m) => ({ kind: 'example' as const, mutations: m })),
        },
        {
          weight: 4,
          arbitrary: fc
            .tuple(valueFromSchema(context, route.body), fc.option(mutations, { freq: 3 }))
            .map(([value, m]) => ({ kind: 'schema' as const, value, mutations: m })),
        },
        { weight: 2, arbitrary: garbageBody.map((text) => ({ kind: 'raw' as const, text })) },
      )
    : fc.oneof(
        { weight: 12, arbitrary: fc.constant({ kind: 'none' as const }) },
        { weight: 1, arbitrary: garbageBody.map((text) => ({ kind: 'raw' as const, text })) },
      );
  return fc
    .record({
      caller: fc.oneof(...CALLER_WEIGHTS),
      params: fc.record(params),
      query,
      body,
      contentType,
    })
    .map((plan) => ({ route: route.key, ...plan }));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function resolveRefs(value: unknown, pools: Record<Pool, string[]>): unknown {
  if (isPoolRef(value)) {
    const pool = pools[value.$pool];
    return pool[value.$index % pool.length];
  }
  if (Array.isArray(value)) return value.map((item) => resolveRefs(item, pools));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveRefs(item, pools)]),
    );
  }
  return value;
}

function toRequest(
  plan: Plan,
  route: DocumentedRoute,
  fixtures: Fixtures,
  pools: Record<Pool, string[]>,
): SentRequest {
  let path = route.path;
  for (const [name, value] of Object.entries(plan.params)) {
    const resolved = resolveRefs(value, pools);
    // A URL carries UTF-8: a lone surrogate goes as U+FFFD, as a browser would send it.
    const wellFormed = String(resolved).replace(LONE_SURROGATE, '\ufffd');
    path = path.replace(`{${name}}`, encodeURIComponent(wellFormed));
  }
  const search = new URLSearchParams(plan.query).toString();
  if (search) path = `${path}?${search}`;
  let body: string | undefined;
  // fetch sends no body with a GET.
  if (route.method === 'GET') body = undefined;
  else if (plan.body.kind === 'raw') body = plan.body.text;
  else if (plan.body.kind !== 'none') {
    const start =
      plan.body.kind === 'example'
        ? EXAMPLES[route.key]!(fixtures)
        : resolveRefs(plan.body.value, pools);
    const mutated = plan.body.mutations ? applyMutations(start, plan.body.mutations) : start;
    body = JSON.stringify(resolveRefs(mutated, pools)) ?? 'null';
  }
  return {
    method: route.method,
    path,
    ...(body === undefined ? {} : { body }),
    ...(body === undefined || plan.contentType === undefined
      ? {}
      : { contentType: plan.contentType }),
  };
}

describe.each(ENGINES)('the API under fuzzing on %s', (engine) => {
  let server: TestServer;
  let document: ApiDocument;
  let sessions: Sessions;
  let fixtures: Fixtures;
  let again: (caller: Caller) => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer(engine);
    document = await readApiDocument(server);
    ({ sessions, fixtures, again } = await prepareCallers(server));
  });
  afterAll(() => server?.close());

  // About 15 ms a request on this machine; generous for a loaded CI and a bigger `npm run fuzz`.
  it('never answers 5xx, and a refused request writes nothing', {
    timeout: 60_000 + RUNS * 100,
  }, async () => {
    const routes = new Map(document.routes.map((route) => [route.key, route]));
    const plans = fc.sample(fc.oneof(...document.routes.map((route) => planFor(document, route))), {
      seed: SEED,
      numRuns: RUNS,
    });
    const pools: Record<Pool, string[]> = {
      client: fixtures.clientIds,
      vehicle: fixtures.vehicleIds,
      quote: fixtures.quoteIds,
      alert: fixtures.alertIds,
      staff: fixtures.staffIds,
      displayToken: fixtures.displayTokenIds,
    };
    const tables = await listTables(server);
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let refusedChecked = 0;
    let renewed = 0;
    /** Routes after which the caller has no session left. */
    const ENDS_SESSION = new Set([
      'POST /api/v1/auth/logout',
      'POST /api/v1/auth/logout-everywhere',
    ]);
    const started = performance.now();
    let before = await snapshotRows(server, tables);
    for (const plan of plans) {
      const route = routes.get(plan.route)!;
      const request = toRequest(plan, route, fixtures, pools);
      const reply = await send(server, sessions[plan.caller], request);
      statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
      const after = await snapshotRows(server, tables);
      const described = () =>
        `${request.method} ${request.path.slice(0, 200)} as ${plan.caller} [${request.contentType ?? 'no content type'}] ${(request.body ?? '').slice(0, 300)}`;
      if (reply.status >= 500)
        failures.push(`${reply.status} ← ${described()}: ${reply.text.slice(0, 200)}`);
      if (reply.status >= 400) {
        refusedChecked += 1;
        const written = diffSnapshots(before, after);
        if (written.length > 0) {
          failures.push(`refused ${reply.status} but wrote ${written.join(', ')} ← ${described()}`);
        }
      }
      if (ENDS_SESSION.has(plan.route) && reply.status === 204) {
        // That caller's session is over: sign it in again for the requests that follow.
        await again(plan.caller).then(
          () => {
            renewed += 1;
          },
          () => {
            sessions[plan.caller] = null;
          },
        );
        before = await snapshotRows(server, tables);
      } else before = after;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const fivexx = [...statuses].filter(([status]) => status >= 500).reduce((n, [, c]) => n + c, 0);
    const byStatus = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    console.info(
      `fuzz (${engine}, seed ${SEED}): ${plans.length} requests over ${document.routes.length} routes in ${seconds} s, ${fivexx} answered 5xx, ${refusedChecked} refusals checked for writes, ${failures.length} failures; sessions renewed after sign-out: ${renewed}; statuses ${byStatus}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);
  });
});
