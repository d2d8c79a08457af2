import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { AlertRulesSchema } from '../../../domain/alerts/rules';
import { type Alert, type AlertListQuerySchema, AlertSchema } from '../../../domain/schemas/alert';
import type { Quote } from '../../../domain/schemas/quote';
import { type ApiClient, expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, recordEvents, waitForChange, waitForEvent } from '../../test/socket';
import { runScheduledCheck } from './alerts.service';

/** Tuesday 24 November 2026, 10:00 in Paris. */
const TODAY = new Date('2026-11-24T09:00:00Z');

type Garage = {
  server: TestServer;
  staff: ApiClient;
  ids: Record<string, string>;
  at: (iso: string) => void;
  inbox: (query?: z.input<typeof AlertListQuerySchema>) => Promise<{
    items: Alert[];
    counts: Record<string, number>;
  }>;
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
  const admin = await server.admin();
  await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  const staff = await server.signIn('staff', 'Sophie Atelier');
  const vehicles = staff.api.vehicles[':id'];

  async function vehicle(name: string, firstRegistrationDate: string) {
    const client = await expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }));
    const car = await expectStatus(
      201,
      staff.api.vehicles.$post({ json: buildVehicleInput(client.id, { firstRegistrationDate }) }),
    );
    ids[name] = car.id;
    ids[`${name}:client`] = client.id;
    return car;
  }
  const transition = (
    quote: Quote,
    json: { to: 'sent' | 'refused'; reason?: string; keepDeclinedWork?: boolean },
  ) =>
    expectStatus(
      200,
      staff.api.quotes[':id'].transition.$post({
        param: { id: quote.id },
        json: { ...json, version: quote.version },
      }),
    );

  at('2026-11-01T09:00:00Z');
  await vehicle('firstCt', '2022-12-10'); // first CT due 2026-12-10
  const second = await vehicle('periodic', '2018-05-01');
  await expectStatus(
    201,
    vehicles.inspections.$post({
      param: { id: second.id },
      json: { date: '2024-11-28', result: 'pass' },
    }),
  );
  const third = await vehicle('counterVisit', '2018-05-01');
  await expectStatus(
    201,
    vehicles.inspections.$post({
      param: { id: third.id },
      json: { date: '2026-09-01', result: 'major' },
    }),
  );
  await vehicle('quiet', '2025-01-01');
  const serviced = { param: { id: (await vehicle('service', '2024-06-01')).id } };
  await expectStatus(
    201,
    vehicles.mileage.$post({ ...serviced, json: { date: '2025-11-01', km: 49_000 } }),
  );
  await expectStatus(
    201,
    vehicles.services.$post({ ...serviced, json: { date: '2025-12-01', km: 50_000 } }),
  );
  await expectStatus(
    201,
    vehicles.mileage.$post({ ...serviced, json: { date: '2026-11-01', km: 64_000 } }),
  );

  const quoteFor = async (name: string, validUntil: string) => {
    const car = await vehicle(name, '2025-01-01');
    const quote = await expectStatus(
      201,
      staff.api.quotes.$post({
        json: { clientId: car.clientId, vehicleId: car.id, jobs: buildJobs(), validUntil },
      }),
    );
    ids[`${name}:quote`] = quote.id;
    return quote;
  };
  at('2026-08-20T09:00:00Z');
  const declined = await transition(await quoteFor('declined', '2026-09-20'), { to: 'sent' });
  await transition(declined, { to: 'refused', reason: 'Plus tard', keepDeclinedWork: true });
  at('2026-11-10T09:00:00Z');
  await transition(await quoteFor('followUp', '2026-12-10'), { to: 'sent' });
  at('2026-11-20T09:00:00Z');
  await transition(await quoteFor('expiring', '2026-11-26'), { to: 'sent' });
  at('2026-11-22T09:00:00Z');
  await transition(await quoteFor('fresh', '2026-12-22'), { to: 'sent' });
  at('2026-11-24T09:00:00Z');
  return {
    server,
    staff,
    ids,
    at,
    inbox: (query = {}) => expectStatus(200, staff.api.alerts.$get({ query })),
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

  const act = (client: ApiClient) => client.api.alerts[':id'];

  it('never brings a resolved alert back for the same due date', async () => {
    const alert = (await garage.inbox()).items.find((item) => item.kind === 'quote_expiring')!;
    await expectStatus(
      200,
      act(garage.staff).resolve.$post({
        param: { id: alert.id },
        json: { version: alert.version },
      }),
    );
    await garage.check();
    expect((await garage.inbox()).items.some((item) => item.kind === 'quote_expiring')).toBe(false);
    const { items } = await garage.inbox({ status: 'resolved' });
    expect(items.map((item) => item.id)).toContain(alert.id);
  });

  it('refuses to act on a resolved alert with alert_resolved and the alert as it is, but lets it be assigned', async () => {
    const reminder = await createReminder(garage, 'Rappeler pour le contrôle technique');
    const byId = { param: { id: reminder.id } };
    const resolved = await expectStatus(
      200,
      act(garage.staff).resolve.$post({ ...byId, json: { version: reminder.version } }),
    );
    for (const request of [
      act(garage.staff).ack.$post({ ...byId, json: { version: resolved.version } }),
      act(garage.staff).resolve.$post({ ...byId, json: { version: resolved.version } }),
      act(garage.staff).snooze.$post({
        ...byId,
        json: { version: resolved.version, until: '2026-12-01' },
      }),
    ]) {
      const { details } = await expectError('alert_resolved', request);
      expect(details.current).toEqual(resolved);
    }
    const assigned = await expectStatus(
      200,
      act(garage.staff).assign.$post({
        ...byId,
        json: { version: resolved.version, assigneeId: null },
      }),
    );
    expect(assigned.status).toBe('resolved');
  });

  it('closes a CT alert as soon as a CT is recorded, and moves the due date', async () => {
    const alert = (await garage.inbox()).items.find(
      (item) => item.subject.id === garage.ids.periodic,
    )!;
    await expectStatus(
      201,
      garage.staff.api.vehicles[':id'].inspections.$post({
        param: { id: garage.ids.periodic! },
        json: { date: '2026-11-24', result: 'pass' },
      }),
    );
    const { items } = await garage.inbox();
    expect(items.some((item) => item.id === alert.id)).toBe(false);
    await garage.check();
    expect(
      (await garage.inbox()).items.some((item) => item.subject.id === garage.ids.periodic),
    ).toBe(false);
  });

  it('brings a snoozed alert back on its date, lets staff acknowledge and assign, and refuses a stale version', async () => {
    const colleague = await garage.server.signIn('staff', 'Théo Atelier');
    const me = await expectStatus(200, colleague.api.auth.me.$get());
    let alert = (await garage.inbox()).items.find(
      (item) => item.subject.id === garage.ids.firstCt,
    )!;
    const byId = { param: { id: alert.id } };
    alert = await expectStatus(
      200,
      act(garage.staff).assign.$post({
        ...byId,
        json: { version: alert.version, assigneeId: me.user.id },
      }),
    );
    expect(alert.assigneeName).toBe('Théo Atelier');
    alert = await expectStatus(
      200,
      act(garage.staff).ack.$post({ ...byId, json: { version: alert.version } }),
    );
    expect(alert.status).toBe('acknowledged');
    const past = await expectError(
      'validation_failed',
      act(garage.staff).snooze.$post({
        ...byId,
        json: { version: alert.version, until: '2026-11-24' },
      }),
    );
    expect(issuePaths(past)).toEqual(['until']);
    alert = await expectStatus(
      200,
      act(garage.staff).snooze.$post({
        ...byId,
        json: { version: alert.version, until: '2026-11-26' },
      }),
    );
    expect(alert).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-11-26' });
    const stale = await expectError(
      'stale_version',
      act(colleague).ack.$post({ ...byId, json: { version: 1 } }),
    );
    expect(AlertSchema.parse(stale.details.current)).toEqual(alert);
    expect(stale.details.changedBy?.name).toBe('Sophie Atelier');
    const mine = await expectStatus(200, colleague.api.alerts.$get({ query: { assignee: 'me' } }));
    expect(mine.items.map((item) => item.id)).toEqual([alert.id]);

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
    const reminder = await createReminder(garage, 'Rappeler pour les pneus hiver');
    expect(reminder).toMatchObject({
      kind: 'custom',
      status: 'open',
      severity: 'urgent',
      subject: { type: 'client' },
    });
    const bad = await expectError(
      'validation_failed',
      garage.staff.api.alerts.$post({
        json: {
          subjectType: 'vehicle',
          subjectId: garage.ids['quiet:client']!,
          title: 'x',
          dueDate: '2026-11-30',
        },
      }),
    );
    expect(issuePaths(bad)).toEqual(['subjectId']);
    const display = await garage.server.signIn('display');
    await expectStatus(200, display.api.alerts.$get({ query: {} }));
    await expectError(
      'forbidden',
      act(display).resolve.$post({
        param: { id: reminder.id },
        json: { version: reminder.version },
      }),
    );
  });

  it('broadcasts what a run changes to the counter’s screens, and lets only admins run it', async () => {
    const socket = connectSocket(garage.server.url, garage.staff.cookie);
    try {
      await waitForEvent(socket, 'hello');
      const created = waitForChange(socket, 'alert', (change) => change.action === 'created');
      await expectStatus(
        201,
        garage.staff.api.vehicles[':id'].inspections.$post({
          param: { id: garage.ids.quiet! },
          json: { date: '2024-09-20', result: 'major' },
        }),
      );
      const admin = await garage.server.admin();
      const outcome = await expectStatus(200, admin.api.alerts.run.$post());
      expect(outcome).toMatchObject({ ran: true, summary: { created: 1 } });
      const change = await created;
      expect(change.data).toMatchObject({
        kind: 'ct_due',
        severity: 'overdue',
        subject: { id: garage.ids.quiet },
      });
      await expectError('forbidden', garage.staff.api.alerts.run.$post());
    } finally {
      socket.close();
    }
  });
});

/** A custom reminder on the quiet car's owner, due within the week (urgent). */
function createReminder(garage: Garage, title: string): Promise<Alert> {
  return expectStatus(
    201,
    garage.staff.api.alerts.$post({
      json: {
        subjectType: 'client',
        subjectId: garage.ids['quiet:client']!,
        title,
        dueDate: '2026-11-30',
      },
    }),
  );
}

describe.each(ENGINES)('a first check on a large garage on %s', (engine) => {
  it('logs one alert_batch change per batch, not one per alert, and screens still see the alerts', async () => {
    const server = await startTestServer(engine, {}, { now: () => TODAY });
    try {
      const staff = await server.signIn('staff');
      const client = await expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }));
      // 60 cars registered in 2015 and never inspected: 60 overdue CT alerts at once.
      for (let i = 0; i < 60; i++) {
        await expectStatus(
          201,
          staff.api.vehicles.$post({
            json: buildVehicleInput(client.id, { firstRegistrationDate: '2015-01-10' }),
          }),
        );
      }
      const before = await expectStatus(
        200,
        staff.api.changes.$get({ query: { after: 0, limit: 1 } }),
      );
      const socket = connectSocket(server.url, staff.cookie);
      try {
        await waitForEvent(socket, 'hello');
        const summed = waitForChange(socket, 'alert_batch');
        const outcome = await runScheduledCheck(server.deps);
        if (!outcome.ran) throw new Error('the check did not run');
        expect(outcome.summary.created).toBe(60);
        const change = await summed;
        expect(change).toMatchObject({ action: 'checked', id: 'alert-check', actor: null });
        expect(change.data).toEqual({ created: 60, updated: 0, label: '60 nouvelle(s) alerte(s)' });
      } finally {
        socket.close();
      }
      const after = await expectStatus(
        200,
        staff.api.changes.$get({ query: { after: before.lastSeq, limit: 1000 } }),
      );
      expect(after.items.map((change) => `${change.entity} ${change.action}`)).toEqual([
        'alert_batch checked',
      ]);
      const feed = await expectStatus(
        200,
        staff.api.feed.$get({ query: { after: before.lastSeq } }),
      );
      expect(feed.items.map((entry) => entry.label)).toEqual(['60 nouvelle(s) alerte(s)']);
      const inbox = await expectStatus(200, staff.api.alerts.$get({ query: { limit: 100 } }));
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
    const rules = await expectStatus(200, admin.api['alert-rules'].$get());
    expect(rules).toMatchObject({
      openDaysBefore: 30,
      urgentDaysBefore: 7,
      schedule: '*/15 * * * *',
      version: 0,
    });
    expect(rules.nextRuns).toHaveLength(3);
    const minutes = rules.nextRuns.map((run) => new Date(run).getUTCMinutes() % 15);
    expect(minutes).toEqual([0, 0, 0]);

    const save = (client: ApiClient, changes: Partial<typeof rules>) =>
      client.api['alert-rules'].$put({ json: { ...rules, version: 0, ...changes } });
    const bad = await expectError('validation_failed', save(admin, { schedule: '61 * * * *' }));
    expect(issuePaths(bad)).toEqual(['schedule']);
    const inverted = await expectError('validation_failed', save(admin, { urgentDaysBefore: 40 }));
    expect(issuePaths(inverted)).toEqual(['urgentDaysBefore']);

    const saved = await expectStatus(200, save(admin, { schedule: '30 7 * * *' }));
    expect(saved.version).toBe(1);
    const next = new Date(saved.nextRuns[0]!);
    expect(
      new Intl.DateTimeFormat('fr-FR', {
        timeZone: 'Europe/Paris',
        hour: '2-digit',
        minute: '2-digit',
      }).format(next),
    ).toBe('07:30');

    const staff = await server.signIn('staff');
    await expectError('forbidden', save(staff, { version: 1 }));
  });

  it('records a save as an alert_rules change carrying the rules, not a settings one', async () => {
    const admin = await server.admin();
    const rules = await expectStatus(200, admin.api['alert-rules'].$get());
    const socket = connectSocket(server.url, admin.cookie);
    try {
      await waitForEvent(socket, 'hello');
      const changes = recordEvents(socket, 'change');
      const live = waitForChange(socket, 'alert_rules');
      const saved = await expectStatus(
        200,
        admin.api['alert-rules'].$put({ json: { ...rules, quoteFollowUpDays: 10 } }),
      );
      const change = await live;
      expect(change).toMatchObject({ action: 'updated', id: 'alert-rules' });
      const { nextRuns: _, lastRun: __, ...record } = saved;
      expect(AlertRulesSchema.parse(change.data)).toEqual(record);
      expect(changes.filter(([other]) => other.entity === 'settings')).toEqual([]);
      const feed = await expectStatus(
        200,
        admin.api.feed.$get({ query: { after: change.seq - 1, limit: 1 } }),
      );
      expect(feed.items[0]).toMatchObject({
        entity: 'alert_rules',
        label: 'les règles des alertes',
      });
    } finally {
      socket.close();
    }
  });

  it('refuses a save on a stale version with stale_version and the rules as saved', async () => {
    const admin = await server.admin();
    const rules = await expectStatus(200, admin.api['alert-rules'].$get());
    const saved = await expectStatus(
      200,
      admin.api['alert-rules'].$put({ json: { ...rules, declinedWorkReminderDays: 20 } }),
    );
    const { details } = await expectError(
      'stale_version',
      admin.api['alert-rules'].$put({ json: { ...rules, declinedWorkReminderDays: 25 } }),
    );
    expect(AlertRulesSchema.parse(details.current)).toMatchObject({
      version: saved.version,
      declinedWorkReminderDays: 20,
    });
    expect(details.changedBy?.name).toBe('Administrateur');
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
