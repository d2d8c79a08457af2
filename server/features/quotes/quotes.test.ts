import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeQuoteTotals } from '../../../domain/quote/totals';
import type { Change } from '../../../domain/schemas/change';
import type { Quote } from '../../../domain/schemas/quote';
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

/** A fixed clock: 2026-11-24 10:00 in Paris. */
const NOW = new Date('2026-11-24T09:00:00Z');

describe.each(ENGINES)('quotes API on %s', (engine) => {
  let server: TestServer;
  let staff: HttpClient;
  let clock = NOW;

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now: () => clock });
    staff = await server.signIn('staff', 'Karim Atelier');
    const admin = await server.admin();
    await admin.expect(200).put('/api/v1/settings', { ...buildSettings(), version: 0 });
  });
  afterAll(() => server?.close());

  async function createParties() {
    const client = (await staff.expect(201).post('/api/v1/clients', buildClientInput())).body;
    const vehicle = (await staff.expect(201).post('/api/v1/vehicles', buildVehicleInput(client.id)))
      .body;
    return { client, vehicle };
  }

  async function createDraft(overrides: Record<string, unknown> = {}): Promise<Quote> {
    const { client, vehicle } = await createParties();
    const { body } = await staff.expect(201).post('/api/v1/quotes', {
      clientId: client.id,
      vehicleId: vehicle.id,
      mileageKm: 72_500,
      jobs: buildJobs(),
      ...overrides,
    });
    return body;
  }

  async function send(quote: Quote): Promise<Quote> {
    return (
      await staff
        .expect(200)
        .post(`/api/v1/quotes/${quote.id}/transition`, { to: 'sent', version: quote.version })
    ).body;
  }

  it('creates a draft with totals computed by the shared function, valid 30 days', async () => {
    const quote = await createDraft();
    expect(quote).toMatchObject({
      status: 'draft',
      number: null,
      revision: 1,
      validUntil: '2026-12-24',
    });
    const shared = computeQuoteTotals({ jobs: quote.jobs, vatExempt: false });
    expect(quote.totals).toEqual({
      exclVatCents: 14_241,
      vatCents: 2848,
      inclVatCents: 17_089,
      byRate: shared.byRate,
    });
    expect(shared.byRate).toEqual([{ vatRateBp: 2000, baseCents: 14_241, vatCents: 2848 }]);
    expect(quote.jobs[0]!.lines.map((line) => line.totalExclVatCents)).toEqual([9750, 4491]);
    expect(quote.jobs[0]!.lines[0]!.quantity).toBe(1.5);
  });

  it('refuses a VAT rate that is not French, a negative price and a bad quantity', async () => {
    const { client } = await createParties();
    const line = buildJobs()[0]!.lines[0]!;
    for (const bad of [{ vatRateBp: 1960 }, { unitPriceCents: -5 }, { quantity: 1.2345 }]) {
      const { status, body } = await staff.post('/api/v1/quotes', {
        clientId: client.id,
        jobs: [{ title: 'Vidange', lines: [{ ...line, ...bad }] }],
      });
      expect(status).toBe(400);
      expect(body.error.details[0].path.slice(0, 3)).toEqual(['jobs', '0', 'lines']);
    }
  });

  it('numbers a quote when first sent, locks it, and revises it under the same number', async () => {
    const sent = await send(await createDraft());
    expect(sent.status).toBe('sent');
    expect(sent.number).toMatch(/^DEV-2026-\d{5}$/);

    const locked = await staff.patch(`/api/v1/quotes/${sent.id}`, {
      version: sent.version,
      notes: 'x',
    });
    expect(locked.status).toBe(409);
    expect(locked.body.error.details.reason).toBe('quote_locked');

    const { body: revised } = await staff
      .expect(200)
      .post(`/api/v1/quotes/${sent.id}/transition`, { to: 'draft', version: sent.version });
    expect(revised).toMatchObject({ status: 'draft', revision: 2, number: sent.number });
    const { body: edited } = await staff.expect(200).patch(`/api/v1/quotes/${sent.id}`, {
      version: revised.version,
      jobs: buildJobs(2),
    });
    const resent = await send(edited);
    expect(resent).toMatchObject({ number: sent.number, revision: 2 });
    expect(resent.jobs).toHaveLength(2);

    const { body: v1 } = await staff.expect(200).get(`/api/v1/quotes/${sent.id}/revisions/1`);
    expect(v1).toMatchObject({ revision: 1, status: 'sent', number: sent.number });
    expect(v1.jobs).toHaveLength(1);
  });

  it('records acceptance with signer, channel and who; line by line keeps the rest as travaux à prévoir', async () => {
    const sent = await send(await createDraft({ jobs: buildJobs(2) }));
    const lines = sent.jobs.flatMap((job) => job.lines);
    const missingChannel = await staff.post(`/api/v1/quotes/${sent.id}/transition`, {
      to: 'partially_accepted',
      version: sent.version,
    });
    expect(missingChannel.status).toBe(400);

    const { body: partial } = await staff.expect(200).post(`/api/v1/quotes/${sent.id}/transition`, {
      to: 'partially_accepted',
      version: sent.version,
      channel: 'signature',
      signerName: 'Mme Hélène Test',
      acceptedLineIds: [lines[0]!.id, lines[1]!.id],
      keepDeclinedWork: true,
    });
    expect(partial.status).toBe('partially_accepted');
    expect(partial.decision).toMatchObject({
      channel: 'signature',
      signerName: 'Mme Hélène Test',
      decidedBy: { name: 'Karim Atelier' },
    });
    expect(
      partial.jobs.flatMap((job: Quote['jobs'][number]) => job.lines.map((line) => line.accepted)),
    ).toEqual([true, true, false, false]);
    const { body: history } = await staff.get(`/api/v1/vehicles/${sent.vehicleId}/history`);
    expect(
      history.declinedWork.map((work: { description: string }) => work.description),
    ).toHaveLength(2);
    expect(history.mileage[0]).toMatchObject({ km: 72_500, source: 'quote' });
  });

  it('refuses transitions that make no sense with 409 naming why', async () => {
    const draft = await createDraft();
    const accept = await staff.post(`/api/v1/quotes/${draft.id}/transition`, {
      to: 'accepted',
      version: draft.version,
      channel: 'phone',
    });
    expect(accept.status).toBe(409);
    expect(accept.body.error.details.reason).toBe('invalid_transition');

    const empty = await createDraft({ jobs: [] });
    const sendEmpty = await staff.post(`/api/v1/quotes/${empty.id}/transition`, {
      to: 'sent',
      version: empty.version,
    });
    expect(sendEmpty.body.error.details.reason).toBe('empty_quote');

    const sent = await send(await createDraft());
    const expire = await staff.post(`/api/v1/quotes/${sent.id}/transition`, {
      to: 'expired',
      version: sent.version,
    });
    expect(expire.body.error.details.reason).toBe('not_yet_expired');
  });

  it('refuses to send a quote missing a mandatory mention, listing each one', async () => {
    const { body: client } = await staff
      .expect(201)
      .post('/api/v1/clients', buildClientInput({ address: { city: 'Lyon' } }));
    const { body: draft } = await staff
      .expect(201)
      .post('/api/v1/quotes', { clientId: client.id, jobs: buildJobs() });
    const { status, body } = await staff.post(`/api/v1/quotes/${draft.id}/transition`, {
      to: 'sent',
      version: draft.version,
    });
    expect(status).toBe(409);
    expect(body.error.details.reason).toBe('compliance_missing');
    expect(body.error.details.missing.map((issue: { code: string }) => issue.code)).toEqual([
      'client_address',
    ]);
    expect(body.error.message).toContain('Adresse du client');
  });

  it('refuses a second save on a stale version and keeps the first', async () => {
    const draft = await createDraft();
    await staff
      .expect(200)
      .patch(`/api/v1/quotes/${draft.id}`, { version: draft.version, notes: 'Premier' });
    const other = await server.signIn('staff', 'Léa Comptoir');
    const stale = await other.patch(`/api/v1/quotes/${draft.id}`, {
      version: draft.version,
      notes: 'Second',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.changedBy.name).toBe('Karim Atelier');
    expect(stale.body.error.details.current.notes).toBe('Premier');
  });

  it('duplicates a quote as a new draft with new line ids', async () => {
    const sent = await send(await createDraft());
    const { body: copy } = await staff.expect(201).post(`/api/v1/quotes/${sent.id}/duplicate`);
    expect(copy).toMatchObject({ status: 'draft', number: null, clientId: sent.clientId });
    expect(copy.totals).toEqual(sent.totals);
    expect(copy.jobs[0].lines[0].id).not.toBe(sent.jobs[0]!.lines[0]!.id);
  });

  it('expires a sent quote after the end of its last day in Paris, not before', async () => {
    const sent = await send(await createDraft({ validUntil: '2026-11-30' }));
    const { expireDueQuotes } = await import('./quotes.service');
    clock = new Date('2026-11-30T22:59:00Z'); // 23:59 in Paris on the last day
    try {
      await expireDueQuotes(server.deps);
      expect((await staff.get(`/api/v1/quotes/${sent.id}`)).body.status).toBe('sent');
      clock = new Date('2026-11-30T23:00:00Z'); // midnight in Paris
      await expireDueQuotes(server.deps);
      expect((await staff.get(`/api/v1/quotes/${sent.id}`)).body.status).toBe('expired');
    } finally {
      clock = NOW;
    }
  });

  it('gives 50 quotes sent at once the numbers 1 to 50 of the year, without gaps', async () => {
    // Its own server and clock: the first quotes of 2031 in a fresh database.
    const fresh = await startTestServer(
      engine,
      {},
      { now: () => new Date('2031-01-02T09:00:00Z') },
    );
    try {
      await (await fresh.admin())
        .expect(200)
        .put('/api/v1/settings', { ...buildSettings(), version: 0 });
      const clerk = await fresh.signIn('staff');
      const client = (await clerk.expect(201).post('/api/v1/clients', buildClientInput())).body;
      const drafts = await Promise.all(
        Array.from({ length: 50 }, async () => {
          const { body } = await clerk
            .expect(201)
            .post('/api/v1/quotes', { clientId: client.id, jobs: buildJobs() });
          return body as Quote;
        }),
      );
      const sent = await Promise.all(
        drafts.map(async (draft) => {
          const { body } = await clerk
            .expect(200)
            .post(`/api/v1/quotes/${draft.id}/transition`, { to: 'sent', version: draft.version });
          return body as Quote;
        }),
      );
      const numbers = sent.map((quote) => quote.number).sort();
      expect(numbers).toEqual(
        Array.from({ length: 50 }, (_, i) => `DEV-2031-${String(i + 1).padStart(5, '0')}`),
      );
    } finally {
      await fresh.close();
    }
  });

  it('keeps an expired quote’s lines as travaux à prévoir, once', async () => {
    const sent = await send(await createDraft({ validUntil: '2026-11-25' }));
    const { expireDueQuotes } = await import('./quotes.service');
    clock = new Date('2026-11-26T09:00:00Z');
    try {
      await expireDueQuotes(server.deps);
      for (let i = 0; i < 2; i++) {
        await staff.expect(200).post(`/api/v1/quotes/${sent.id}/declined-work`);
      }
      const { body: history } = await staff.get(`/api/v1/vehicles/${sent.vehicleId}/history`);
      expect(history.declinedWork).toHaveLength(2);
      const draft = await createDraft();
      const refused = await staff.post(`/api/v1/quotes/${draft.id}/declined-work`);
      expect(refused.status).toBe(409);
    } finally {
      clock = NOW;
    }
  });

  it('broadcasts every quote change, transitions included, to every screen', async () => {
    const socket = connectSocket(server.url, staff.cookieHeader);
    try {
      await waitForEvent(socket, 'hello');
      const draft = await createDraft();
      const seen = waitForEvent(
        socket,
        'change',
        (change: Change) => change.id === draft.id && change.action === 'transitioned',
      );
      const sent = await send(draft);
      const [change] = await seen;
      expect(change).toMatchObject({ entity: 'quote', actor: { name: 'Karim Atelier' } });
      expect(change.data).toMatchObject({
        status: 'sent',
        number: sent.number,
        totals: sent.totals,
      });
    } finally {
      socket.close();
    }
  });

  it('filters the list by status and client, and finds quotes by number and client name', async () => {
    const sent = await send(await createDraft());
    const { body: byStatus } = await staff.get(
      `/api/v1/quotes?status=sent&clientId=${sent.clientId}`,
    );
    expect(byStatus.items.map((quote: Quote) => quote.id)).toEqual([sent.id]);
    const { body: byNumber } = await staff.get(`/api/v1/quotes?q=${sent.number}`);
    expect(byNumber.items.map((quote: Quote) => quote.id)).toEqual([sent.id]);
    const { body: byClient } = await staff.get(
      `/api/v1/quotes?q=${encodeURIComponent(sent.clientName.split(' ').at(-1)!)}`,
    );
    expect(byClient.items.map((quote: Quote) => quote.id)).toEqual([sent.id]);
    const { body: byPlate } = await staff.get(
      `/api/v1/quotes?q=${encodeURIComponent(sent.vehiclePlate!.replaceAll('-', ' ').toLowerCase())}`,
    );
    expect(byPlate.items.map((quote: Quote) => quote.id)).toContain(sent.id);
    const { body: client } = await staff.get(`/api/v1/clients/${sent.clientId}`);
    await staff
      .expect(200)
      .patch(`/api/v1/clients/${client.id}`, { version: client.version, lastName: 'Renommée' });
    const { body: renamed } = await staff.get('/api/v1/quotes?q=renommee');
    expect(renamed.items.map((quote: Quote) => quote.id)).toContain(sent.id);
    const { body: global } = await staff
      .expect(200)
      .get(`/api/v1/search?q=${encodeURIComponent(sent.vehiclePlate!.replaceAll('-', ' '))}`);
    expect(global.vehicles.map((vehicle: { id: string }) => vehicle.id)).toContain(sent.vehicleId);
    expect(global.quotes.map((quote: Quote) => quote.id)).toContain(sent.id);
  });
});
