import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../domain/schemas/alert';
import type { Change } from '../../../domain/schemas/change';
import { ENGINES } from '../../test/databases';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import type { HttpClient } from '../../test/http';
import { connectSocket, waitForEvent } from '../../test/socket';
import { runScheduledCheck } from './alerts.service';

/** Tuesday 24 November 2026, 10:00 in Paris. */
const TODAY = new Date('2026-11-24T09:00:00Z');

type Garage = {
  server: TestServer;
  staff: HttpClient;
  ids: Record<string, string>;
  at: (iso: string) => void;
  inbox: (query?: string) => Promise<{ items: Alert[]; counts: Record<string, number> }>;
  check: () => ReturnType<typeof runScheduledCheck>;
};

/**
 * A known garage, each case on its own subject: a first CT, a periodic CT, a counter-visit, a
 * quiet car, a serviced car, quotes to follow up, about to expire, fresh, and declined.
 */
async function seedGarage(engine: 'pglite' | 'postgres'): Promise<Garage> {
  let clock = TODAY;
  const at = (iso: string) => {
    clock = new Date(iso);
  };
  const ids: Record<string, string> = {};
  const server = await startTestServer(engine, {}, { now: () => clock });
  await (await server.admin())
    .expect(200)
    .put('/api/v1/settings', { ...buildSettings(), version: 0 });
  const staff = await server.signIn('staff', 'Sophie Atelier');

  async function vehicle(name: string, firstRegistrationDate: string) {
    const { body: client } = await staff.expect(201).post('/api/v1/clients', buildClientInput());
    const { body } = await staff
      .expect(201)
      .post('/api/v1/vehicles', buildVehicleInput(client.id, { firstRegistrationDate }));
    ids[name] = body.id;
    ids[`${name}:client`] = client.id;
    return body;
  }

  at('2026-11-01T09:00:00Z');
  await vehicle('firstCt', '2022-12-10'); // first CT due 2026-12-10
  const second = await vehicle('periodic', '2018-05-01');
  await staff
    .expect(201)
    .post(`/api/v1/vehicles/${second.id}/inspections`, { date: '2024-11-28', result: 'pass' });
  const third = await vehicle('counterVisit', '2018-05-01');
  await staff
    .expect(201)
    .post(`/api/v1/vehicles/${third.id}/inspections`, { date: '2026-09-01', result: 'major' });
  await vehicle('quiet', '2025-01-01');
  const serviced = await vehicle('service', '2024-06-01');
  await staff
    .expect(201)
    .post(`/api/v1/vehicles/${serviced.id}/mileage`, { date: '2025-11-01', km: 49_000 });
  await staff
    .expect(201)
    .post(`/api/v1/vehicles/${serviced.id}/services`, { date: '2025-12-01', km: 50_000 });
  await staff
    .expect(201)
    .post(`/api/v1/vehicles/${serviced.id}/mileage`, { date: '2026-11-01', km: 64_000 });

  const quoteFor = async (name: string, validUntil: string) => {
    const car = await vehicle(name, '2025-01-01');
    const { body } = await staff.expect(201).post('/api/v1/quotes', {
      clientId: ids[`${name}:client`],
      vehicleId: car.id,
      jobs: buildJobs(),
      validUntil,
    });
    ids[`${name}:quote`] = body.id;
    return body;
  };
  at('2026-08-20T09:00:00Z');
  const declined = await quoteFor('declined', '2026-09-20');
  const sentDeclined = (
    await staff
      .expect(200)
      .post(`/api/v1/quotes/${declined.id}/transition`, { to: 'sent', version: declined.version })
  ).body;
  await staff.expect(200).post(`/api/v1/quotes/${declined.id}/transition`, {
    to: 'refused',
    version: sentDeclined.version,
    reason: 'Plus tard',
    keepDeclinedWork: true,
  });
  at('2026-11-10T09:00:00Z');
  const followUp = await quoteFor('followUp', '2026-12-10');
  await staff
    .expect(200)
    .post(`/api/v1/quotes/${followUp.id}/transition`, { to: 'sent', version: followUp.version });
  at('2026-11-20T09:00:00Z');
  const expiring = await quoteFor('expiring', '2026-11-26');
  await staff
    .expect(200)
    .post(`/api/v1/quotes/${expiring.id}/transition`, { to: 'sent', version: expiring.version });
  at('2026-11-22T09:00:00Z');
  const fresh = await quoteFor('fresh', '2026-12-22');
  await staff
    .expect(200)
    .post(`/api/v1/quotes/${fresh.id}/transition`, { to: 'sent', version: fresh.version });
  at('2026-11-24T09:00:00Z');
  return {
    server,
    staff,
    ids,
    at,
    inbox: async (query = '') => (await staff.expect(200).get(`/api/v1/alerts${query}`)).body,
    check: () => runScheduledCheck(server.deps),
  };
}

const shape = (alerts: Alert[]) =>
  alerts
    .map((alert) => `${alert.kind} ${alert.subject.id} ${alert.severity} ${alert.dueDate}`)
    .sort();

describe.each(ENGINES)('the alert check on %s', (engine) => {
  let garage: Garage;
  beforeAll(async () => {
    garage = await seedGarage(engine);
  });
  afterAll(() => garage?.server.close());

  it('opens exactly the alerts a known garage calls for, at a fixed clock', async () => {
    const outcome = await garage.check();
    expect(outcome.ran).toBe(true);
    const { items, counts } = await garage.inbox();
    expect(shape(items)).toEqual(
      [
        `ct_due ${garage.ids.firstCt} soon 2026-12-10`,
        `ct_due ${garage.ids.periodic} urgent 2026-11-28`,
        `ct_due ${garage.ids.counterVisit} overdue 2026-11-01`,
        // 65,000 km at ~41 km/day from 64,000 on 2026-11-01, before the 2026-12-01 date.
        `service_due ${garage.ids.service} urgent 2026-11-26`,
        `quote_followup ${garage.ids['followUp:quote']} urgent 2026-11-17`,
        `quote_expiring ${garage.ids['expiring:quote']} soon 2026-11-26`,
        `declined_work ${garage.ids.declined} soon 2026-11-18`,
      ].sort(),
    );
    expect(counts).toEqual({ soon: 3, urgent: 3, overdue: 1 });
    expect(items[0]!.severity).toBe('overdue');
  });

  it('creates nothing new when it runs again', async () => {
    const before = (await garage.inbox()).items
      .map((alert) => `${alert.id}:${alert.version}`)
      .sort();
    const outcome = await garage.check();
    expect(outcome).toMatchObject({ ran: true, summary: { created: 0, updated: 0, resolved: 0 } });
    expect(
      (await garage.inbox()).items.map((alert) => `${alert.id}:${alert.version}`).sort(),
    ).toEqual(before);
  });
});

describe.each(ENGINES)('working the inbox on %s', (engine) => {
  let garage: Garage;
  beforeAll(async () => {
    garage = await seedGarage(engine);
  });
  beforeEach(async () => {
    // Each case starts from a checked inbox, whatever ran before it.
    await garage.check();
  });
  afterAll(() => garage?.server.close());

  it('never brings a resolved alert back for the same due date', async () => {
    const alert = (await garage.inbox()).items.find((item) => item.kind === 'quote_expiring')!;
    await garage.staff
      .expect(200)
      .post(`/api/v1/alerts/${alert.id}/resolve`, { version: alert.version });
    await garage.check();
    expect((await garage.inbox()).items.some((item) => item.kind === 'quote_expiring')).toBe(false);
    const { items } = await garage.inbox('?status=resolved');
    expect(items.map((item) => item.id)).toContain(alert.id);
  });

  it('closes a CT alert as soon as a CT is recorded, and moves the due date', async () => {
    const alert = (await garage.inbox()).items.find(
      (item) => item.subject.id === garage.ids.periodic,
    )!;
    await garage.staff.expect(201).post(`/api/v1/vehicles/${garage.ids.periodic}/inspections`, {
      date: '2026-11-24',
      result: 'pass',
    });
    const { items } = await garage.inbox();
    expect(items.some((item) => item.id === alert.id)).toBe(false);
    await garage.check();
    expect(
      (await garage.inbox()).items.some((item) => item.subject.id === garage.ids.periodic),
    ).toBe(false);
  });

  it('brings a snoozed alert back on its date, and lets staff acknowledge and assign', async () => {
    const colleague = await garage.server.signIn('staff', 'Théo Atelier');
    const { body: me } = await colleague.get('/api/v1/auth/me');
    let alert = (await garage.inbox()).items.find(
      (item) => item.subject.id === garage.ids.firstCt,
    )!;
    alert = (
      await garage.staff.expect(200).post(`/api/v1/alerts/${alert.id}/assign`, {
        version: alert.version,
        assigneeId: me.user.id,
      })
    ).body;
    expect(alert.assigneeName).toBe('Théo Atelier');
    alert = (
      await garage.staff
        .expect(200)
        .post(`/api/v1/alerts/${alert.id}/ack`, { version: alert.version })
    ).body;
    expect(alert.status).toBe('acknowledged');
    const past = await garage.staff.post(`/api/v1/alerts/${alert.id}/snooze`, {
      version: alert.version,
      until: '2026-11-24',
    });
    expect(past.status).toBe(400);
    alert = (
      await garage.staff
        .expect(200)
        .post(`/api/v1/alerts/${alert.id}/snooze`, { version: alert.version, until: '2026-11-26' })
    ).body;
    expect(alert).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-11-26' });
    const stale = await garage.staff.post(`/api/v1/alerts/${alert.id}/ack`, { version: 1 });
    expect(stale.status).toBe(409);
    const { body: mine } = await colleague.get('/api/v1/alerts?assignee=me');
    expect(mine.items.map((item: Alert) => item.id)).toEqual([alert.id]);

    garage.at('2026-11-26T09:00:00Z');
    try {
      await garage.check();
      const back = (await garage.inbox()).items.find((item) => item.id === alert.id)!;
      // Due 2026-12-10: still more than a week away on the 26th.
      expect(back).toMatchObject({ status: 'open', snoozedUntil: null, severity: 'soon' });
    } finally {
      garage.at('2026-11-24T09:00:00Z');
    }
  });

  it('takes custom reminders, which display screens can read but not write', async () => {
    const { body } = await garage.staff.expect(201).post('/api/v1/alerts', {
      subjectType: 'client',
      subjectId: garage.ids['quiet:client'],
      title: 'Rappeler pour les pneus hiver',
      dueDate: '2026-11-30',
    });
    expect(body).toMatchObject({
      kind: 'custom',
      status: 'open',
      severity: 'urgent',
      subject: { type: 'client' },
    });
    const bad = await garage.staff.post('/api/v1/alerts', {
      subjectType: 'vehicle',
      subjectId: garage.ids['quiet:client'],
      title: 'x',
      dueDate: '2026-11-30',
    });
    expect(bad.status).toBe(400);
    const display = await garage.server.signIn('display');
    expect((await display.get('/api/v1/alerts')).status).toBe(200);
    expect(
      (await display.post(`/api/v1/alerts/${body.id}/resolve`, { version: body.version })).status,
    ).toBe(403);
  });

  it('broadcasts what a run changes to every screen', async () => {
    const socket = connectSocket(garage.server.url, garage.staff.cookieHeader);
    try {
      await waitForEvent(socket, 'hello');
      const created = waitForEvent(
        socket,
        'change',
        (change: Change) => change.entity === 'alert' && change.action === 'created',
      );
      await garage.staff.expect(201).post(`/api/v1/vehicles/${garage.ids.quiet}/inspections`, {
        date: '2024-09-20',
        result: 'major',
      });
      const admin = await garage.server.admin();
      const { body } = await admin.expect(200).post('/api/v1/alerts/run');
      expect(body).toMatchObject({ ran: true, summary: { created: 1 } });
      const [change] = await created;
      expect(change.data).toMatchObject({
        kind: 'ct_due',
        severity: 'overdue',
        subject: { id: garage.ids.quiet },
      });
      expect((await garage.staff.post('/api/v1/alerts/run')).status).toBe(403);
    } finally {
      socket.close();
    }
  });
});

describe.each(ENGINES)('a first check on a large garage on %s', (engine) => {
  it('logs one change per batch, not one per alert, and screens still see the alerts', async () => {
    const server = await startTestServer(engine, {}, { now: () => TODAY });
    try {
      const staff = await server.signIn('staff');
      const { body: client } = await staff.expect(201).post('/api/v1/clients', buildClientInput());
      // 60 cars registered in 2015 and never inspected: 60 overdue CT alerts at once.
      for (let i = 0; i < 60; i++) {
        await staff
          .expect(201)
          .post(
            '/api/v1/vehicles',
            buildVehicleInput(client.id, { firstRegistrationDate: '2015-01-10' }),
          );
      }
      const { body: before } = await staff.expect(200).get('/api/v1/changes?after=0&limit=1');
      const socket = connectSocket(server.url, staff.cookieHeader);
      try {
        await waitForEvent(socket, 'hello');
        const summed = waitForEvent(
          socket,
          'change',
          (change: Change) => change.entity === 'alert' && change.action === 'checked',
        );
        const outcome = await runScheduledCheck(server.deps);
        if (!outcome.ran) throw new Error('the check did not run');
        expect(outcome.summary.created).toBe(60);
        const [change] = await summed;
        expect(change.data).toMatchObject({ created: 60, updated: 0 });
      } finally {
        socket.close();
      }
      const { body: after } = await staff
        .expect(200)
        .get(`/api/v1/changes?after=${before.lastSeq}&limit=1000`);
      expect(
        (after.items as Change[]).map((change) => `${change.entity} ${change.action}`),
      ).toEqual(['alert checked']);
      const { body: inbox } = await staff.expect(200).get('/api/v1/alerts?limit=100');
      expect(inbox.items).toHaveLength(60);
    } finally {
      await server.close();
    }
  });
});

describe.each(ENGINES)('alert rules on %s', (engine) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(engine, {}, { scheduleJobs: true });
  });
  afterAll(() => server?.close());

  it('defaults to the brief, refuses a bad schedule, applies a new one at once', async () => {
    const admin = await server.admin();
    const { body: rules } = await admin.expect(200).get('/api/v1/alert-rules');
    expect(rules).toMatchObject({
      openDaysBefore: 30,
      urgentDaysBefore: 7,
      schedule: '*/15 * * * *',
      version: 0,
    });
    expect(rules.nextRuns).toHaveLength(3);
    const minutes = rules.nextRuns.map((run: string) => new Date(run).getUTCMinutes() % 15);
    expect(minutes).toEqual([0, 0, 0]);

    const bad = await admin.put('/api/v1/alert-rules', {
      ...rules,
      schedule: '61 * * * *',
      version: 0,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toEqual(['schedule']);
    const inverted = await admin.put('/api/v1/alert-rules', {
      ...rules,
      urgentDaysBefore: 40,
      version: 0,
    });
    expect(inverted.status).toBe(400);

    const { body: saved } = await admin
      .expect(200)
      .put('/api/v1/alert-rules', { ...rules, schedule: '30 7 * * *', version: 0 });
    expect(saved.version).toBe(1);
    const next = new Date(saved.nextRuns[0]);
    expect(
      new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
      }).format(next),
    ).toBe('07:30');

    const staff = await server.signIn('staff');
    expect((await staff.put('/api/v1/alert-rules', { ...rules, version: 1 })).status).toBe(403);
  });
});

describe('two instances on one PostgreSQL', () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    first = await startTestServer('postgres', { MULTI_INSTANCE: '1' });
    second = await startTestServer('postgres', {
      DATABASE_URL: first.deps.env.DATABASE_URL!,
      MULTI_INSTANCE: '1',
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('run a given tick on one of them only (advisory lock)', async () => {
    let release: () => void = () => undefined;
    let acquired: () => void = () => undefined;
    const isHolding = new Promise<void>((resolve) => {
      acquired = resolve;
    });
    const held = first.deps.jobs.withLock('alert-check', () => {
      acquired();
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    });
    await isHolding;
    try {
      expect(await runScheduledCheck(second.deps)).toEqual({ ran: false });
    } finally {
      release();
    }
    expect(await held).toEqual({ ran: true, result: undefined });
    expect((await runScheduledCheck(second.deps)).ran).toBe(true);
  });
});
