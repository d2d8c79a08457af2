import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../domain/errors';
import type { Change } from '../../../domain/schemas/change';
import { ClientInputSchema } from '../../../domain/schemas/client';
import { ENGINES } from '../../test/databases';
import { buildClientInput } from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { insertClient, selectClientById } from '../clients/clients.repo';
import { listChangesAfter, writeWithChanges } from './changes.service';

const ACTOR = {
  id: '7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f',
  email: 'test@garage.test',
  name: 'Test',
  role: 'admin' as const,
  sessionId: 'test',
};

describe.each(ENGINES)('the change log on %s', (engine) => {
  let server: TestServer;
  const published: Change[][] = [];

  beforeAll(async () => {
    server = await startTestServer(engine);
  });
  afterAll(() => server?.close());

  function depsWithSpy() {
    return {
      db: server.deps.db,
      now: server.deps.now,
      realtime: {
        ...server.deps.realtime,
        publish: (changes: Change[]) => {
          published.push(changes);
        },
      },
    };
  }

  it('commits a write and its change row together, and publishes only after commit', async () => {
    const deps = depsWithSpy();
    const before = published.length;
    const client = await writeWithChanges(
      deps,
      { id: '7a1c3d1e-9a4b-4c1e-8d2f-0b1a2c3d4e5f', name: 'Test' },
      async (tx, record) => {
        const created = await insertClient(tx, ClientInputSchema.parse(buildClientInput()));
        record({ entity: 'client', action: 'created', id: created.id, data: created });
        return created;
      },
    );
    expect(published.length).toBe(before + 1);
    expect(published.at(-1)?.[0]).toMatchObject({ id: client.id, actor: { name: 'Test' } });
    const { items } = await listChangesAfter(deps, ACTOR, published.at(-1)![0]!.seq - 1, 10);
    expect(items[0]?.id).toBe(client.id);
  });

  it('leaves neither the row nor a change behind when the work fails, and publishes nothing', async () => {
    const deps = depsWithSpy();
    const before = published.length;
    const { lastSeq } = await listChangesAfter(deps, ACTOR, 0, 1);
    let createdId = '';
    await expect(
      writeWithChanges(deps, null, async (tx, record) => {
        const created = await insertClient(tx, ClientInputSchema.parse(buildClientInput()));
        createdId = created.id;
        record({ entity: 'client', action: 'created', id: created.id, data: created });
        throw new AppError('forbidden', 'stop');
      }),
    ).rejects.toThrow('stop');
    expect(await selectClientById(server.deps.db, createdId)).toBeUndefined();
    expect((await listChangesAfter(deps, ACTOR, 0, 1)).lastSeq).toBe(lastSeq);
    expect(published.length).toBe(before);
  });

  it('hands out seqs in commit order under concurrent writes', async () => {
    const deps = depsWithSpy();
    const { lastSeq } = await listChangesAfter(deps, ACTOR, 0, 1);
    await Promise.all(
      Array.from({ length: 20 }, () =>
        writeWithChanges(deps, null, async (tx, record) => {
          const created = await insertClient(tx, ClientInputSchema.parse(buildClientInput()));
          record({ entity: 'client', action: 'created', id: created.id, data: created });
        }),
      ),
    );
    const { items } = await listChangesAfter(deps, ACTOR, lastSeq, 100);
    expect(items.map((change) => change.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => lastSeq + 1 + i),
    );
  });
});
