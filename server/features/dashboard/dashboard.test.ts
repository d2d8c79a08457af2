import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Quote, QuoteCreate, QuoteTransition } from '../../../domain/schemas/quote';
import { type ApiClient, expectError, expectStatus } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, type TestSocket, waitForEvent } from '../../test/socket';
import { compactDashboardStats } from './dashboard.repo';

/** Tuesday 24 November 2026, 10:00 in Paris. */
const TODAY = '2026-11-24T09:00:00Z';

describe.each(ENGINES)('the dashboard on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;
  let clock = new Date('2026-10-20T09:00:00Z');
  const at = (iso: string) => {
    clock = new Date(iso);
  };

  async function quote(overrides: Partial<QuoteCreate> = {}): Promise<Quote> {
    const client = await expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }));
    const vehicle = await expectStatus(
      201,
      staff.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    return expectStatus(
      201,
      staff.api.quotes.$post({
        json: { clientId: client.id, vehicleId: vehicle.id, jobs: buildJobs(), ...overrides },
      }),
    );
  }
  function move(q: Quote, json: Omit<QuoteTransition, 'version'>): Promise<Quote> {
    return expectStatus(
      200,
      staff.api.quotes[':id'].transition.$post({
        param: { id: q.id },
        json: { ...json, version: q.version },
      }),
    );
  }

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now: () => clock });
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
    staff = await server.signIn('staff', 'Nadia Comptoir');

    at('2026-10-20T09:00:00Z'); // Q1: sent in October, accepted before the 30-day window
    const q1 = await move(await quote(), { to: 'sent' });
    at('2026-10-25T09:00:00Z');
    await move(q1, { to: 'accepted', channel: 'phone' });

    at('2026-11-03T09:00:00Z'); // Q2: sent and accepted this month
    const q2 = await move(await quote(), { to: 'sent' });
    at('2026-11-05T09:00:00Z');
    await move(q2, { to: 'accepted', channel: 'in_person' });

    at('2026-11-10T09:00:00Z'); // Q3: refused
    const q3 = await move(await quote(), { to: 'sent' });
    at('2026-11-12T09:00:00Z');
    await move(q3, { to: 'refused', reason: 'Trop cher' });

    at('2026-11-20T09:00:00Z'); // Q4: waiting, valid until the 28th: expires this week
    await move(await quote({ validUntil: '2026-11-28' }), { to: 'sent' });

    at('2026-11-21T09:00:00Z'); // Q6: partly accepted, the labour line only (97,50 €)
    const q6 = await move(await quote(), { to: 'sent' });
    at('2026-11-22T09:00:00Z');
    await move(q6, {
      to: 'partially_accepted',
      channel: 'signature',
      signerName: 'M. Test',
      acceptedLineIds: [q6.jobs[0]!.lines[0]!.id],
    });

    at(TODAY); // Q5: a draft today
    await quote();
  });
  afterAll(() => server?.close());

  it('computes the key figures of a known garage at a fixed clock', async () => {
    const dashboard = await expectStatus(200, staff.api.dashboard.$get());
    expect(dashboard.today).toBe('2026-11-24');
    expect(dashboard.figures).toMatchObject({
      quotesSentThisMonth: 4,
      acceptedValueThisMonthCents: 14_241 + 9750,
      acceptanceRate30d: 2 / 3,
      openQuotes: { count: 1, valueCents: 14_241 },
      quotesExpiringThisWeek: 1,
    });
    // Today: one client, one vehicle and one quote were created.
    expect(dashboard.figures.activityToday).toBe(3);
    expect(dashboard.quotesAwaiting.map((q) => q.validUntil)).toEqual(['2026-11-28']);
  });

  it('charts quotes per Paris week by status, accepted value per month, and the funnel', async () => {
    const { charts } = await expectStatus(200, staff.api.dashboard.$get());
    expect(charts.quotesPerWeek).toHaveLength(12);
    expect(charts.quotesPerWeek[0]!.weekStart).toBe('2026-09-07');
    expect(charts.quotesPerWeek.at(-1)).toMatchObject({ weekStart: '2026-11-23', draft: 1 });
    const week = (start: string) => charts.quotesPerWeek.find((row) => row.weekStart === start);
    expect(week('2026-10-19')).toMatchObject({ accepted: 1 });
    expect(week('2026-11-16')).toMatchObject({ sent: 1, partially_accepted: 1 });
    expect(charts.acceptedValuePerMonth.slice(-2)).toEqual([
      { month: '2026-10', valueCents: 14_241 },
      { month: '2026-11', valueCents: 14_241 + 9750 },
    ]);
    expect(charts.acceptedValuePerMonth[0]!.month).toBe('2025-12');
    expect(charts.funnel).toEqual({ created: 6, sent: 5, accepted: 3 });
  });

  it('keeps the dashboard from nobody but readers: the display role may read it', async () => {
    const display = await server.signIn('display');
    await expectStatus(200, display.api.dashboard.$get());
    await expectError('unauthenticated', server.client().api.dashboard.$get());
  });

  it('recomputes once per burst: ten screens, fifty writes, a handful of snapshots', async () => {
    const sockets: TestSocket[] = [];
    try {
      for (let i = 0; i < 10; i++) {
        const socket = connectSocket(server.url, staff.cookie);
        sockets.push(socket);
        await waitForEvent(socket, 'hello');
        await socket.emitWithAck('dashboard:watch');
      }
      const before = await expectStatus(200, staff.api.dashboard.$get());
      const target = before.figures.activityToday + 50;
      const computedBefore = server.dashboard.recomputations;
      const everyoneUpToDate = sockets.map((socket) =>
        waitForEvent(
          socket,
          'dashboard',
          (snapshot) => snapshot.figures.activityToday === target,
          15_000,
        ),
      );
      await Promise.all(
        Array.from({ length: 50 }, () =>
          expectStatus(201, staff.api.clients.$post({ json: buildClientInput() })),
        ),
      );
      const snapshots = await Promise.all(everyoneUpToDate);
      const computed = server.dashboard.recomputations - computedBefore;
      expect(computed).toBeGreaterThanOrEqual(1);
      expect(computed).toBeLessThanOrEqual(5);
      expect(new Set(snapshots.map(([snapshot]) => snapshot.generatedAt)).size).toBe(1);
    } finally {
      for (const socket of sockets) socket.close();
    }
  });

  it('keeps its counters equal to the records through every kind of write, and compacts them', async () => {
    const { db } = server.deps;
    const query = async (statement: ReturnType<typeof sql>) =>
      ((await db.execute(statement)) as unknown as { rows: unknown[] }).rows;
    // What the counters say, net of their deltas.
    const counters = () =>
      query(sql`SELECT metric, key, day::text AS day, sum(count)::int AS count,
          sum(value_cents)::int AS value
        FROM dashboard_stats GROUP BY 1, 2, 3
        HAVING sum(count) <> 0 OR sum(value_cents) <> 0 ORDER BY 1, 2, 3`);
    // The same figures counted straight from the records.
    const records = () =>
      query(sql`SELECT metric, key, day::text AS day, count(*)::int AS count,
          sum(value)::int AS value FROM (
        SELECT 'created' AS metric, status AS key,
          (created_at AT TIME ZONE 'Europe/Paris')::date AS day, 0 AS value
          FROM quotes WHERE archived_at IS NULL
        UNION ALL SELECT 'sent', '', (sent_at AT TIME ZONE 'Europe/Paris')::date, 0
          FROM quotes WHERE archived_at IS NULL AND sent_at IS NOT NULL
        UNION ALL SELECT 'decided', status, (decided_at AT TIME ZONE 'Europe/Paris')::date,
          coalesce(accepted_excl_vat_cents, 0)
          FROM quotes WHERE archived_at IS NULL AND decided_at IS NOT NULL
        UNION ALL SELECT 'alert', kind || ':' || severity, due_date, 0
          FROM alerts WHERE status <> 'resolved'
        UNION ALL SELECT 'activity', '', (at AT TIME ZONE 'Europe/Paris')::date, 0 FROM changes
      ) facts GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`);

    // Writes of every kind: a quote edit that moves no counter, a revision back to draft, a
    // sent quote, alerts raised by the check, one resolved, a quote archived behind the API's back.
    const admin = await server.admin();
    const draft = await quote();
    const edited = await expectStatus(
      200,
      staff.api.quotes[':id'].$patch({
        param: { id: draft.id },
        json: { version: draft.version, notes: 'Rappeler' },
      }),
    );
    const sent = await move(edited, { to: 'sent' });
    await move(sent, { to: 'draft' });
    await expectStatus(200, admin.api.alerts.run.$post());
    const alerts = await expectStatus(200, staff.api.alerts.$get({ query: {} }));
    const [first] = alerts.items;
    if (!first) throw new Error('the check raised no alert to resolve');
    await expectStatus(
      200,
      staff.api.alerts[':id'].resolve.$post({
        param: { id: first.id },
        json: { version: first.version },
      }),
    );
    await db.execute(sql`UPDATE quotes SET archived_at = now() WHERE id = ${draft.id}`);

    const expected = await records();
    expect(expected.length).toBeGreaterThan(10);
    expect(await counters()).toEqual(expected);

    // Compaction leaves one row per metric, key and day, and the same sums.
    await compactDashboardStats(db);
    expect(await counters()).toEqual(expected);
    const [sizes] = (await query(
      sql`SELECT count(*)::int AS rows, count(DISTINCT (metric, key, day))::int AS groups
        FROM dashboard_stats`,
    )) as Array<{ rows: number; groups: number }>;
    expect(sizes?.rows).toBe(sizes?.groups);
  });
});
