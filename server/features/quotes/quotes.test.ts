import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { computeQuoteTotals } from '../../../domain/quote/totals';
import type { ClientInput } from '../../../domain/schemas/client';
import {
  type Quote,
  type QuoteCreate,
  type QuoteListQuerySchema,
  QuoteSchema,
  type QuoteTransition,
} from '../../../domain/schemas/quote';
import { type ApiClient, expectError, expectStatus, issuePaths } from '../../test/api-client';
import { ENGINES } from '../../test/databases';
import {
  buildClientInput,
  buildJobs,
  buildSettings,
  buildVehicleInput,
} from '../../test/factories';
import { startTestServer, type TestServer } from '../../test/harness';
import { connectSocket, waitForChange, waitForEvent } from '../../test/socket';
import { expireDueQuotes } from './quotes.service';

/** A fixed clock: 2026-11-24 10:00 in Paris. */
const NOW = new Date('2026-11-24T09:00:00Z');

/**
 * Two jobs at two VAT rates: an oil change at 20 % (97,50 € + 44,91 €) and tyres at 10 %
 * (179,80 €) with their fitting at 20 % (32,50 €).
 */
function buildMixedRateJobs(): NonNullable<QuoteCreate['jobs']> {
  const [oilChange] = buildJobs();
  return [
    oilChange!,
    {
      title: 'Pneus',
      lines: [
        {
          kind: 'part',
          description: 'Pneu 205/55 R16',
          quantity: 2,
          unit: 'pièce',
          unitPriceCents: 8990,
          vatRateBp: 1000,
          discountBp: 0,
        },
        {
          kind: 'labour',
          description: 'Montage et équilibrage',
          quantity: 0.5,
          unit: 'h',
          unitPriceCents: 6500,
          vatRateBp: 2000,
          discountBp: 0,
        },
      ],
    },
  ];
}

describe.each(ENGINES)('quotes API on %s', (engine) => {
  let server: TestServer;
  let staff: ApiClient;
  let clock = NOW;

  beforeAll(async () => {
    server = await startTestServer(engine, {}, { now: () => clock });
    staff = await server.signIn('staff', 'Karim Atelier');
    const admin = await server.admin();
    await expectStatus(200, admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }));
  });
  afterAll(() => server?.close());

  async function createParties(overrides: Partial<ClientInput> = {}) {
    const client = await expectStatus(
      201,
      staff.api.clients.$post({ json: buildClientInput(overrides) }),
    );
    const vehicle = await expectStatus(
      201,
      staff.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    return { client, vehicle };
  }

  async function createDraft(overrides: Partial<QuoteCreate> = {}): Promise<Quote> {
    const { client, vehicle } = await createParties();
    return expectStatus(
      201,
      staff.api.quotes.$post({
        json: {
          clientId: client.id,
          vehicleId: vehicle.id,
          mileageKm: 72_500,
          jobs: buildJobs(),
          ...overrides,
        },
      }),
    );
  }

  /** Moves the quote from the version it has. */
  function transition(quote: Quote, json: Omit<QuoteTransition, 'version'>) {
    return staff.api.quotes[':id'].transition.$post({
      param: { id: quote.id },
      json: { ...json, version: quote.version },
    });
  }

  function send(quote: Quote): Promise<Quote> {
    return expectStatus(200, transition(quote, { to: 'sent' }));
  }

  function read(id: string): Promise<Quote> {
    return expectStatus(200, staff.api.quotes[':id'].$get({ param: { id } }));
  }

  it('creates a draft with totals computed by the shared function, valid 30 days', async () => {
    const quote = await createDraft();
    expect(quote).toMatchObject({
      status: 'draft',
      number: null,
      revision: 1,
      validUntil: '2026-12-24',
      acceptedTotals: null,
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
      const error = await expectError(
        'validation_failed',
        staff.raw('POST', '/api/v1/quotes', {
          body: { clientId: client.id, jobs: [{ title: 'Vidange', lines: [{ ...line, ...bad }] }] },
        }),
      );
      expect(issuePaths(error)[0]).toMatch(/^jobs\.0\.lines\.0\./);
    }
  });

  it('numbers a quote when first sent, locks it, and revises it under the same number', async () => {
    const sent = await send(await createDraft());
    expect(sent.status).toBe('sent');
    expect(sent.number).toMatch(/^DEV-2026-\d{5}$/);

    const locked = await expectError(
      'quote_locked',
      staff.api.quotes[':id'].$patch({
        param: { id: sent.id },
        json: { version: sent.version, notes: 'x' },
      }),
    );
    expect(QuoteSchema.parse(locked.details.current)).toEqual(sent);
    expect(locked.message).toContain('envoyé');

    const revised = await expectStatus(200, transition(sent, { to: 'draft' }));
    expect(revised).toMatchObject({ status: 'draft', revision: 2, number: sent.number });
    const edited = await expectStatus(
      200,
      staff.api.quotes[':id'].$patch({
        param: { id: sent.id },
        json: { version: revised.version, jobs: buildJobs(2) },
      }),
    );
    const resent = await send(edited);
    expect(resent).toMatchObject({ number: sent.number, revision: 2 });
    expect(resent.jobs).toHaveLength(2);

    const v1 = await expectStatus(
      200,
      staff.api.quotes[':id'].revisions[':revision'].$get({
        param: { id: sent.id, revision: 1 },
      }),
    );
    expect(v1).toMatchObject({ revision: 1, status: 'sent', number: sent.number });
    expect(v1.jobs).toHaveLength(1);
  });

  it('records acceptance with signer, channel and who; line by line keeps the rest as travaux à prévoir', async () => {
    const sent = await send(await createDraft({ jobs: buildJobs(2) }));
    const lines = sent.jobs.flatMap((job) => job.lines);
    await expectError(
      'validation_failed',
      transition(sent, { to: 'partially_accepted', signerName: 'Mme Hélène Test' }),
    );

    const partial = await expectStatus(
      200,
      transition(sent, {
        to: 'partially_accepted',
        channel: 'signature',
        signerName: 'Mme Hélène Test',
        acceptedLineIds: [lines[0]!.id, lines[1]!.id],
        keepDeclinedWork: true,
      }),
    );
    expect(partial.status).toBe('partially_accepted');
    expect(partial.decision).toMatchObject({
      channel: 'signature',
      signerName: 'Mme Hélène Test',
      decidedBy: { name: 'Karim Atelier' },
    });
    expect(partial.jobs.flatMap((job) => job.lines.map((line) => line.accepted))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    const history = await expectStatus(
      200,
      staff.api.vehicles[':id'].history.$get({ param: { id: sent.vehicleId! } }),
    );
    expect(history.declinedWork).toHaveLength(2);
    expect(history.mileage[0]).toMatchObject({ km: 72_500, source: 'quote' });
  });

  it('totals what a partial acceptance agreed to from the accepted lines alone, VAT per rate on those lines', async () => {
    const sent = await send(await createDraft({ jobs: buildMixedRateJobs() }));
    expect(sent.acceptedTotals).toBeNull();
    expect(sent.totals).toMatchObject({ exclVatCents: 35_471, vatCents: 5296 });
    const [oilChange, tyres] = sent.jobs;
    // The labour of the oil change at 20 % and the tyres at 10 %: not the part, not the fitting.
    await expectStatus(
      200,
      transition(sent, {
        to: 'partially_accepted',
        channel: 'phone',
        acceptedLineIds: [oilChange!.lines[0]!.id, tyres!.lines[0]!.id],
      }),
    );
    const partial = await read(sent.id);
    expect(partial.acceptedTotals).toEqual({
      exclVatCents: 9750 + 17_980,
      vatCents: 1950 + 1798,
      inclVatCents: 27_730 + 3748,
      byRate: [
        { vatRateBp: 2000, baseCents: 9750, vatCents: 1950 },
        { vatRateBp: 1000, baseCents: 17_980, vatCents: 1798 },
      ],
    });
    expect(partial.totals).toEqual(sent.totals);
    const list = await expectStatus(
      200,
      staff.api.quotes.$get({ query: { clientId: sent.clientId } }),
    );
    expect(list.items.map((row) => [row.id, row.acceptedExclVatCents])).toEqual([
      [sent.id, 27_730],
    ]);
  });

  it('totals a full acceptance as the whole quote, and leaves an unaccepted quote without', async () => {
    const sent = await send(await createDraft({ jobs: buildMixedRateJobs() }));
    const pending = await expectStatus(
      200,
      staff.api.quotes.$get({ query: { clientId: sent.clientId } }),
    );
    expect(pending.items.map((row) => row.acceptedExclVatCents)).toEqual([null]);
    const accepted = await expectStatus(
      200,
      transition(sent, { to: 'accepted', channel: 'email' }),
    );
    expect(accepted.acceptedTotals).toEqual(accepted.totals);
    expect((await read(sent.id)).acceptedTotals).toEqual(sent.totals);
    const list = await expectStatus(
      200,
      staff.api.quotes.$get({ query: { clientId: sent.clientId, status: 'accepted' } }),
    );
    expect(list.items.map((row) => row.acceptedExclVatCents)).toEqual([sent.totals.exclVatCents]);
  });

  it('refuses a transition its status does not allow with invalid_transition, from and to', async () => {
    const draft = await createDraft();
    const { details } = await expectError(
      'invalid_transition',
      transition(draft, { to: 'accepted', channel: 'phone' }),
    );
    expect(details).toEqual({ from: 'draft', to: 'accepted' });
    expect((await read(draft.id)).status).toBe('draft');
  });

  it('refuses to send a quote without a line with empty_quote', async () => {
    const empty = await createDraft({ jobs: [] });
    const { message } = await expectError('empty_quote', transition(empty, { to: 'sent' }));
    expect(message).toContain('au moins une ligne');
  });

  it('refuses to send a quote past its validity date with validity_past, naming the date', async () => {
    const draft = await createDraft({ validUntil: '2026-11-30' });
    clock = new Date('2026-12-01T09:00:00Z');
    try {
      const { details } = await expectError('validity_past', transition(draft, { to: 'sent' }));
      expect(details).toEqual({ validUntil: '2026-11-30' });
    } finally {
      clock = NOW;
    }
  });

  it('refuses to expire a quote still valid with not_yet_expired, naming the date', async () => {
    const sent = await send(await createDraft({ validUntil: '2026-11-30' }));
    const { details, message } = await expectError(
      'not_yet_expired',
      transition(sent, { to: 'expired' }),
    );
    expect(details).toEqual({ validUntil: '2026-11-30' });
    expect(message).toContain('30/11/2026');
  });

  it('refuses to send a quote missing a mandatory mention with compliance_missing, listing each one', async () => {
    const client = await expectStatus(
      201,
      staff.api.clients.$post({ json: buildClientInput({ address: { city: 'Lyon' } }) }),
    );
    const draft = await expectStatus(
      201,
      staff.api.quotes.$post({ json: { clientId: client.id, jobs: buildJobs() } }),
    );
    const { details, message } = await expectError(
      'compliance_missing',
      transition(draft, { to: 'sent' }),
    );
    expect(details.missing.map((issue) => [issue.code, issue.where])).toEqual([
      ['client_address', 'client'],
    ]);
    expect(message).toContain('Adresse du client');
  });

  it('refuses a second save on a stale version with stale_version, the quote as it is and who saved it', async () => {
    const draft = await createDraft();
    const first = await expectStatus(
      200,
      staff.api.quotes[':id'].$patch({
        param: { id: draft.id },
        json: { version: draft.version, notes: 'Premier' },
      }),
    );
    const other = await server.signIn('staff', 'Léa Comptoir');
    const { details } = await expectError(
      'stale_version',
      other.api.quotes[':id'].$patch({
        param: { id: draft.id },
        json: { version: draft.version, notes: 'Second' },
      }),
    );
    expect(QuoteSchema.parse(details.current)).toEqual(first);
    expect(details.changedBy?.name).toBe('Karim Atelier');
    expect(details.changedAt).not.toBeNull();
    const stale = await expectError('stale_version', transition(draft, { to: 'sent' }));
    expect(QuoteSchema.parse(stale.details.current).notes).toBe('Premier');
  });

  it('duplicates a quote as a new draft with new line ids', async () => {
    const sent = await send(await createDraft());
    const copy = await expectStatus(
      201,
      staff.api.quotes[':id'].duplicate.$post({ param: { id: sent.id } }),
    );
    expect(copy).toMatchObject({ status: 'draft', number: null, clientId: sent.clientId });
    expect(copy.totals).toEqual(sent.totals);
    expect(copy.jobs[0]!.lines[0]!.id).not.toBe(sent.jobs[0]!.lines[0]!.id);
  });

  it('expires a sent quote after the end of its last day in Paris, not before', async () => {
    const sent = await send(await createDraft({ validUntil: '2026-11-30' }));
    clock = new Date('2026-11-30T22:59:00Z'); // 23:59 in Paris on the last day
    try {
      await expireDueQuotes(server.deps);
      expect((await read(sent.id)).status).toBe('sent');
      clock = new Date('2026-11-30T23:00:00Z'); // midnight in Paris
      await expireDueQuotes(server.deps);
      expect((await read(sent.id)).status).toBe('expired');
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
      const admin = await fresh.admin();
      await expectStatus(
        200,
        admin.api.settings.$put({ json: { ...buildSettings(), version: 0 } }),
      );
      const clerk = await fresh.signIn('staff');
      const client = await expectStatus(201, clerk.api.clients.$post({ json: buildClientInput() }));
      const drafts = await Promise.all(
        Array.from({ length: 50 }, () =>
          expectStatus(
            201,
            clerk.api.quotes.$post({ json: { clientId: client.id, jobs: buildJobs() } }),
          ),
        ),
      );
      const sent = await Promise.all(
        drafts.map((draft) =>
          expectStatus(
            200,
            clerk.api.quotes[':id'].transition.$post({
              param: { id: draft.id },
              json: { to: 'sent', version: draft.version },
            }),
          ),
        ),
      );
      const numbers = sent.map((quote) => quote.number).sort();
      expect(numbers).toEqual(
        Array.from({ length: 50 }, (_, i) => `DEV-2031-${String(i + 1).padStart(5, '0')}`),
      );
    } finally {
      await fresh.close();
    }
  });

  it('keeps an expired quote’s lines as travaux à prévoir, once, and refuses it on a draft', async () => {
    const sent = await send(await createDraft({ validUntil: '2026-11-25' }));
    clock = new Date('2026-11-26T09:00:00Z');
    try {
      await expireDueQuotes(server.deps);
      for (let i = 0; i < 2; i++) {
        await expectStatus(
          200,
          staff.api.quotes[':id']['declined-work'].$post({ param: { id: sent.id } }),
        );
      }
      const history = await expectStatus(
        200,
        staff.api.vehicles[':id'].history.$get({ param: { id: sent.vehicleId! } }),
      );
      expect(history.declinedWork).toHaveLength(2);
      const draft = await createDraft();
      const { details } = await expectError(
        'invalid_transition',
        staff.api.quotes[':id']['declined-work'].$post({ param: { id: draft.id } }),
      );
      expect(details).toEqual({ from: 'draft', to: 'declined_work' });
    } finally {
      clock = NOW;
    }
  });

  it('broadcasts every quote change, transitions included, to the counter’s screens', async () => {
    const socket = connectSocket(server.url, staff.cookie);
    try {
      await waitForEvent(socket, 'hello');
      const draft = await createDraft();
      const seen = waitForChange(
        socket,
        'quote',
        (change) => change.id === draft.id && change.action === 'transitioned',
      );
      const sent = await send(draft);
      const change = await seen;
      expect(change.actor?.name).toBe('Karim Atelier');
      expect(change.data).toEqual(sent);
    } finally {
      socket.close();
    }
  });

  it('filters the list by status and client, and finds quotes by number, client name and plate', async () => {
    const sent = await send(await createDraft());
    const ids = async (query: z.input<typeof QuoteListQuerySchema>) =>
      (await expectStatus(200, staff.api.quotes.$get({ query }))).items.map((quote) => quote.id);
    expect(await ids({ status: 'sent', clientId: sent.clientId })).toEqual([sent.id]);
    expect(await ids({ q: sent.number! })).toEqual([sent.id]);
    expect(await ids({ q: sent.clientName.split(' ').at(-1)! })).toEqual([sent.id]);
    const spacedPlate = sent.vehiclePlate!.replaceAll('-', ' ');
    expect(await ids({ q: spacedPlate.toLowerCase() })).toContain(sent.id);

    const client = await expectStatus(
      200,
      staff.api.clients[':id'].$get({ param: { id: sent.clientId } }),
    );
    await expectStatus(
      200,
      staff.api.clients[':id'].$patch({
        param: { id: client.id },
        json: { version: client.version, lastName: 'Renommée' },
      }),
    );
    expect(await ids({ q: 'renommee' })).toContain(sent.id);
    const global = await expectStatus(200, staff.api.search.$get({ query: { q: spacedPlate } }));
    expect(global.vehicles.map((vehicle) => vehicle.id)).toContain(sent.vehicleId);
    expect(global.quotes.map((quote) => quote.id)).toContain(sent.id);
  });
});
