import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlertRulesSchema } from '../../../domain/alerts/rules';
import { readDetails } from '../../../domain/refusals';
import type { Change } from '../../../domain/schemas/change';
import { ErrorBodySchema } from '../../../domain/schemas/common';
import type { ApiClient } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, waitForEvent } from '../../test/socket';

type Screen = ApiClient;

async function readRules(screen: Screen) {
  const response = await screen.api['alert-rules'].$get();
  if (response.status !== 200) throw new Error(`GET /alert-rules: ${response.status}`);
  return response.json();
}

async function readSettings(screen: Screen) {
  const response = await screen.api.settings.$get();
  if (response.status !== 200) throw new Error(`GET /settings: ${response.status}`);
  return response.json();
}

async function readError(response: Response) {
  return ErrorBodySchema.parse(await response.json()).error;
}

describe.each(ENGINES)('PATCH /alert-rules on %s', (engine) => {
  let server: TestServer;

  beforeAll(async () => {
    // The check scheduled, as in production, so the next runs follow the saved schedule.
    server = await startTestServer(engine, {}, { scheduleJobs: true });
  });
  afterAll(() => server?.close());

  it('saves the fields sent, keeps the others, applies the schedule, and is an alert_rules change, never a settings one', async () => {
    const claire = await server.signIn('admin', 'Claire Admin');
    const marc = await server.signIn('admin', 'Marc Admin');
    const before = await readRules(claire);
    const settingsBefore = await readSettings(marc);

    // Marc's screen is on the company settings: nothing of the rules may reach it as settings.
    const socket = connectSocket(server.url, marc.cookie);
    await waitForEvent(socket, 'hello');
    const seen: Change[] = [];
    socket.on('change', (change) => void seen.push(change));
    const live = waitForEvent(
      socket,
      'change',
      (change: Change) => change.entity === 'alert_rules',
    );
    const response = await claire.api['alert-rules'].$patch({
      json: { schedule: '30 7 * * *', quoteFollowUpDays: 10, version: before.version },
    });
    expect(response.status).toBe(200);
    if (response.status !== 200) return;
    const saved = await response.json();
    expect(saved).toMatchObject({
      version: before.version + 1,
      schedule: '30 7 * * *',
      quoteFollowUpDays: 10,
      openDaysBefore: before.openDaysBefore,
      urgentDaysBefore: before.urgentDaysBefore,
      servicePolicy: before.servicePolicy,
    });
    const firstRun = saved.nextRuns[0];
    if (!firstRun) throw new Error('the new schedule has next runs');
    const at = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(at.format(new Date(firstRun))).toBe('07:30');

    const [change] = await live;
    socket.close();
    expect(change?.id).toBe('alert-rules');
    expect(AlertRulesSchema.parse(change?.data)).toMatchObject({ schedule: '30 7 * * *' });
    expect(seen.filter((other) => other.entity === 'settings')).toEqual([]);
    expect(await readSettings(marc)).toEqual(settingsBefore);
  });

  it('checks urgent-after-opening on the merged rules, with the schema’s own message', async () => {
    const admin = await server.signIn('admin', 'Claire Admin');
    const rules = await readRules(admin);
    // Each patch is valid alone; merged with the current rules, urgency would come first.
    const earlierOpening = await admin.api['alert-rules'].$patch({
      json: { openDaysBefore: rules.urgentDaysBefore - 1, version: rules.version },
    });
    const laterUrgency = await admin.api['alert-rules'].$patch({
      json: { urgentDaysBefore: rules.openDaysBefore + 1, version: rules.version },
    });
    for (const response of [earlierOpening, laterUrgency]) {
      expect(response.status).toBe(400);
      const issues = readDetails(await readError(response), 'validation_failed') ?? [];
      expect(issues).toContainEqual(
        expect.objectContaining({
          path: ['urgentDaysBefore'],
          message: 'Au plus le nombre de jours d’ouverture : l’urgence vient après l’ouverture.',
        }),
      );
    }
    const badSchedule = await admin.api['alert-rules'].$patch({
      json: { schedule: '61 * * * *', version: rules.version },
    });
    expect(badSchedule.status).toBe(400);
    expect(await readRules(admin)).toMatchObject({ version: rules.version });
  });

  it('refuses a version that is no longer current with stale_version and the current rules', async () => {
    const claire = await server.signIn('admin', 'Claire Admin');
    const marc = await server.signIn('admin', 'Marc Admin');
    const base = await readRules(claire);
    const first = await claire.api['alert-rules'].$patch({
      json: { declinedWorkReminderDays: 60, version: base.version },
    });
    expect(first.status).toBe(200);
    const stale = await marc.api['alert-rules'].$patch({
      json: { quoteExpiryWarningDays: 5, version: base.version },
    });
    expect(stale.status).toBe(409);
    const error = await readError(stale);
    expect(error.code).toBe('stale_version');
    const details = readDetails(error, 'stale_version');
    expect(details?.changedBy?.name).toBe('Claire Admin');
    expect(AlertRulesSchema.parse(details?.current)).toMatchObject({
      version: base.version + 1,
      declinedWorkReminderDays: 60,
      quoteExpiryWarningDays: base.quoteExpiryWarningDays,
    });
  });

  it('lets only admins patch them', async () => {
    const staff = await server.signIn('staff', 'Paul Comptoir');
    const rules = await readRules(staff);
    const response = await staff.api['alert-rules'].$patch({
      json: { quoteFollowUpDays: 3, version: rules.version },
    });
    expect(response.status).toBe(403);
  });
});
