import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, ENGINES, type Engine } from '../../test/databases';
import { startTestServer, type TestServer } from '../../test/harness';
import { type SmtpServer, startSmtpServer } from '../../test/smtp';
import { queueMail } from './mail.service';
import { MAIL_WORKER } from './mail.worker';

const COUNT = 40;
const WAIT = { timeout: 20_000, interval: 25 };

/** Where both servers keep their rows: a PostgreSQL database, or a PGlite directory. */
async function sharedStore(
  engine: Engine,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  if (engine === 'postgres') {
    const database = await createTestDatabase();
    return { env: { DATABASE_URL: database.url }, drop: database.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'gp-outbox-'));
  return {
    env: { DATA_DIR: dir },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function countByStatus(server: TestServer): Promise<Record<string, number>> {
  const result = (await server.deps.db.execute(
    sql`select status, count(*)::int as n from outbox_messages group by status`,
  )) as unknown as { rows: { status: string; n: number }[] };
  return Object.fromEntries(result.rows.map((row) => [row.status, row.n]));
}

describe.each(ENGINES)('the outbox across a restart on %s', (engine) => {
  let smtp: SmtpServer;
  let store: Awaited<ReturnType<typeof sharedStore>>;
  let server: TestServer | undefined;
  let now = new Date('2026-12-01T09:00:00Z');

  beforeAll(async () => {
    smtp = await startSmtpServer();
    store = await sharedStore(engine);
  }, 30_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.stop();
    await store?.drop();
  });

  const start = () =>
    startTestServer(
      engine,
      { SMTP_URL: smtp.url, MAIL_FROM: 'garage@garage.test', ...store.env },
      { now: () => now },
    );

  it('delivers every queued message exactly once when the server stops mid-way and starts again', async () => {
    server = await start();
    const first = server;
    const queued = await first.deps.db.transaction(async (tx) => {
      const ids: string[] = [];
      for (let index = 0; index < COUNT; index += 1) {
        const message = await queueMail(tx, first.deps, {
          kind: 'reminder',
          to: `client${index}@exemple.fr`,
          subject: `Rappel ${index}`,
          text: 'Votre contrôle technique approche.',
        });
        ids.push(message.messageId);
      }
      return ids;
    });
    first.deps.mail.wake();
    await smtp.waitForMessages(1);
    await first.close();
    server = undefined;
    const sentBeforeRestart = smtp.received.length;
    expect(sentBeforeRestart).toBeLessThan(COUNT);

    server = await start();
    const second = server;
    await smtp.waitForMessages(COUNT, WAIT.timeout);
    await vi.waitFor(async () => {
      expect(await countByStatus(second)).toEqual({ sent: COUNT });
    }, WAIT);
    const counts = new Map<string, number>();
    for (const mail of smtp.received) {
      counts.set(mail.messageId!, (counts.get(mail.messageId!) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...queued].sort());
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  }, 60_000);

  it('sends again, with the same Message-ID, a message a crashed worker left sending past its lease', async () => {
    const running = server!;
    const crashed = await running.deps.db.transaction((tx) =>
      queueMail(tx, running.deps, {
        kind: 'test',
        to: 'client@exemple.fr',
        subject: 'Laissé en cours d’envoi',
        text: 'x',
      }),
    );
    // What a worker killed between its claim and the SMTP reply leaves behind.
    await running.deps.db.execute(
      sql`update outbox_messages set status = 'sending', attempts = 1,
        next_attempt_at = ${new Date(now.getTime() + MAIL_WORKER.leaseMs).toISOString()}
        where id = ${crashed.id}`,
    );
    const before = smtp.received.length;
    running.deps.mail.wake();
    expect((await countByStatus(running)).sending).toBe(1);

    now = new Date(now.getTime() + MAIL_WORKER.leaseMs + 1_000);
    running.deps.mail.wake();
    const [mail] = (await smtp.waitForMessages(before + 1)).slice(before);
    expect(mail!.messageId).toBe(crashed.messageId);
    await vi.waitFor(async () => {
      expect(await countByStatus(running)).toEqual({ sent: COUNT + 1 });
    }, WAIT);
  }, 30_000);
});

describe('two instances on one PostgreSQL database', () => {
  it('share the outbox: every message is sent once, by one of them', async () => {
    const smtp = await startSmtpServer();
    const database = await createTestDatabase();
    const env = { SMTP_URL: smtp.url, MAIL_FROM: 'garage@garage.test', DATABASE_URL: database.url };
    const first = await startTestServer('postgres', env);
    const second = await startTestServer('postgres', env);
    try {
      await first.deps.db.transaction(async (tx) => {
        for (let index = 0; index < COUNT; index += 1) {
          await queueMail(tx, first.deps, {
            kind: 'reminder',
            to: `client${index}@exemple.fr`,
            subject: `Rappel ${index}`,
            text: 'x',
          });
        }
      });
      first.deps.mail.wake();
      second.deps.mail.wake();
      await smtp.waitForMessages(COUNT, WAIT.timeout);
      await vi.waitFor(async () => {
        expect(await countByStatus(first)).toEqual({ sent: COUNT });
      }, WAIT);
      const ids = smtp.received.map((mail) => mail.messageId);
      expect(new Set(ids).size).toBe(COUNT);
      expect(ids).toHaveLength(COUNT);
    } finally {
      await second.close();
      await first.close();
      await smtp.stop();
      await database.drop();
    }
  }, 60_000);
});
