import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashRepairOrderVersion } from '../../../domain/repair-order/version-hash';
import type { Quote } from '../../../domain/schemas/quote';
import {
  PHOTO_MAX_BYTES,
  type RepairOrder,
  RepairOrderSchema,
  type SignatureKind,
} from '../../../domain/schemas/repair-order';
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

/** 2026-11-24 10:00 in Paris; tests move the clock forward for clocking, and put it back. */
const NOW = new Date('2026-11-24T09:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

/** A 1×1 PNG, as the signature pad draws one (much smaller). */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const PNG = new Uint8Array(Buffer.from(PNG_BASE64, 'base64'));
const SIGNATURE_IMAGE = `data:image/png;base64,${PNG_BASE64}`;

/** The start of a 3×2 baseline JPEG: SOI, APP0 (JFIF), SOF0, EOI. */
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x02, 0x00, 0x03, 0x03, 0x01, 0x22,
  0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xff, 0xd9,
]);

const ALL_TICKED = { workDone: true, declinedWorkReminded: true, nextDueReminded: true };

describe.each(ENGINES)('repair orders API on %s', (engine) => {
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

  const orders = () => staff.api['repair-orders'];
  const one = () => orders()[':id'];

  async function createParties() {
    const client = await expectStatus(201, staff.api.clients.$post({ json: buildClientInput() }));
    const vehicle = await expectStatus(
      201,
      staff.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
    );
    return { client, vehicle };
  }

  /** A quote of two jobs (labour and part each), sent, then answered. */
  async function answeredQuote(answer: 'sent' | 'accepted' | 'partially_accepted'): Promise<Quote> {
    const { client, vehicle } = await createParties();
    const draft = await expectStatus(
      201,
      staff.api.quotes.$post({
        json: { clientId: client.id, vehicleId: vehicle.id, jobs: buildJobs(2) },
      }),
    );
    const sent = await expectStatus(
      200,
      staff.api.quotes[':id'].transition.$post({
        param: { id: draft.id },
        json: { to: 'sent', version: draft.version },
      }),
    );
    if (answer === 'sent') return sent;
    const [first, second] = sent.jobs;
    return expectStatus(
      200,
      staff.api.quotes[':id'].transition.$post({
        param: { id: sent.id },
        json: {
          to: answer,
          version: sent.version,
          channel: 'signature',
          signerName: 'Mme Hélène Test',
          // The first job's labour and the second job's part.
          ...(answer === 'partially_accepted'
            ? { acceptedLineIds: [first!.lines[0]!.id, second!.lines[1]!.id] }
            : {}),
        },
      }),
    );
  }

  /** A walk-in OR of one job (1,5 h of labour and brake pads), not yet signed. */
  async function openWalkIn(client = staff): Promise<RepairOrder> {
    const { client: owner, vehicle } = await createParties();
    return expectStatus(
      201,
      client.api['repair-orders'].$post({
        json: {
          origin: 'walk_in',
          clientId: owner.id,
          vehicleId: vehicle.id,
          mileageKm: 88_000,
          jobs: buildJobs(1),
        },
      }),
    );
  }

  function read(id: string): Promise<RepairOrder> {
    return expectStatus(200, one().$get({ param: { id } }));
  }

  /** The customer signs what this screen shows: the hash of `order` as read. */
  async function signRequest(
    order: RepairOrder,
    kind: SignatureKind,
    extra: { amendmentId?: string; versionHash?: string } = {},
  ) {
    return one().signatures.$post({
      param: { id: order.id },
      json: {
        version: order.version,
        kind,
        signerName: 'Hélène Test',
        image: SIGNATURE_IMAGE,
        versionHash: extra.versionHash ?? (await hashRepairOrderVersion(order)),
        ...(extra.amendmentId ? { amendmentId: extra.amendmentId } : {}),
      },
    });
  }

  async function sign(
    order: RepairOrder,
    kind: SignatureKind,
    amendmentId?: string,
  ): Promise<RepairOrder> {
    return expectStatus(201, signRequest(order, kind, { amendmentId }));
  }

  function move(order: RepairOrder, to: RepairOrder['status']) {
    return one().transition.$post({
      param: { id: order.id },
      json: { to, version: order.version },
    });
  }

  function clockOn(order: RepairOrder, jobId: string, action: 'start' | 'pause' | 'stop') {
    return one().clock.$post({ param: { id: order.id }, json: { jobId, action } });
  }

  function amend(order: RepairOrder, title: string) {
    return expectStatus(
      201,
      one().amendments.$post({
        param: { id: order.id },
        json: {
          version: order.version,
          note: 'Vu pendant l’intervention',
          jobs: [{ ...buildJobs(1)[0]!, title }],
        },
      }),
    );
  }

  async function openInProgress(): Promise<RepairOrder> {
    const signed = await sign(await openWalkIn(), 'check_in');
    return expectStatus(200, move(signed, 'in_progress'));
  }

  async function handBack(order: RepairOrder): Promise<RepairOrder> {
    const done = await expectStatus(200, move(order, 'done'));
    const signed = await sign(done, 'hand_back');
    const signature = signed.signatures.find((candidate) => candidate.kind === 'hand_back')!;
    return expectStatus(
      200,
      one()['hand-back'].$post({
        param: { id: order.id },
        json: { version: signed.version, checklist: ALL_TICKED, signatureId: signature.id },
      }),
    );
  }

  it('opens an OR from a partially accepted quote with its accepted lines only, and takes it to the hand-back', async () => {
    const quote = await answeredQuote('partially_accepted');
    const opened = await expectStatus(201, orders().$post({ json: { quoteId: quote.id } }));
    expect(opened).toMatchObject({
      status: 'todo',
      origin: 'quote',
      quoteId: quote.id,
      quoteNumber: quote.number,
      clientId: quote.clientId,
      vehicleId: quote.vehicleId,
      vehicleLabel: 'Renault Clio IV',
      checkIn: { mileageKm: null, checkedInAt: null },
    });
    expect(opened.number).toMatch(/^OR-2026-\d{5}$/);
    expect(opened.jobs.map((job) => job.lines.map((line) => line.description))).toEqual([
      ['Main-d’œuvre mécanique'],
      ['Plaquettes de frein avant'],
    ]);
    expect(opened.totals.exclVatCents).toBe(quote.acceptedTotals!.exclVatCents);
    expect(opened.jobs.map((job) => job.soldMinutes)).toEqual([90, 0]);

    // The check-in: the pads are a PIEC part, the customer has not answered yet.
    const padsLine = opened.jobs[1]!.lines[0]!;
    const piecJobs = (choice: 'proposed' | 'accepted') =>
      opened.jobs.map((job) => ({
        id: job.id,
        title: job.title,
        lines: job.lines.map(({ totalExclVatCents: _, ...line }) =>
          line.id === padsLine.id
            ? { ...line, piecCategory: 'body' as const, piecChoice: choice }
            : line,
        ),
      }));
    const checkedIn = await expectStatus(
      200,
      one().$patch({
        param: { id: opened.id },
        json: {
          version: opened.version,
          mileageKm: 91_234,
          fuelLevel: 'half',
          keysTag: 'B12',
          damage: 'Rayure portière arrière droite',
          checkInNotes: 'Siège bébé laissé dans le coffre',
          promisedAt: '2026-11-24T16:00:00.000Z',
          jobs: piecJobs('proposed'),
        },
      }),
    );
    expect(checkedIn.jobs.map((job) => job.id)).toEqual(opened.jobs.map((job) => job.id));
    expect(checkedIn.checkIn).toMatchObject({
      mileageKm: 91_234,
      notes: 'Siège bébé laissé dans le coffre',
    });
    const missing = await expectError('piec_choice_missing', signRequest(checkedIn, 'check_in'));
    expect(missing.details.lineIds).toEqual([padsLine.id]);
    const answered = await expectStatus(
      200,
      one().$patch({
        param: { id: opened.id },
        json: { version: checkedIn.version, jobs: piecJobs('accepted') },
      }),
    );
    const signed = await sign(answered, 'check_in');
    const [signature] = signed.signatures;
    expect(signature).toMatchObject({
      kind: 'check_in',
      signerName: 'Hélène Test',
      recordedBy: { name: 'Karim Atelier' },
      version: answered.version,
      versionHash: await hashRepairOrderVersion(answered),
      amendmentId: null,
    });
    expect(signed.checkIn.checkedInAt).toBe(NOW.toISOString());
    const history = await expectStatus(
      200,
      staff.api.vehicles[':id'].history.$get({ param: { id: opened.vehicleId } }),
    );
    expect(history.mileage[0]).toMatchObject({ km: 91_234, source: 'repair_order' });
    const image = await staff.raw(
      'GET',
      `/api/v1/repair-orders/${opened.id}/signatures/${signature!.id}/image`,
    );
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);

    await expectError(
      'repair_order_signed',
      one().$patch({ param: { id: opened.id }, json: { version: signed.version, notes: 'x' } }),
    );
    const working = await expectStatus(200, move(signed, 'in_progress'));
    const closed = await handBack(working);
    expect(closed).toMatchObject({
      status: 'handed_back',
      closedAt: NOW.toISOString(),
      handBack: { checklist: ALL_TICKED, handedBackBy: { name: 'Karim Atelier' } },
    });
    expect(closed.signatures.map((each) => each.kind)).toEqual(['check_in', 'hand_back']);
    expect(await read(opened.id)).toEqual(closed);
  });

  it('refuses every write on a handed-back OR with repair_order_locked', async () => {
    const closed = await handBack(await openInProgress());
    const id = closed.id;
    const version = closed.version;
    const jobId = closed.jobs[0]!.id;
    const refusals = [
      one().$patch({ param: { id }, json: { version, notes: 'x' } }),
      move(closed, 'in_progress'),
      one().assign.$post({ param: { id }, json: { version, technicianId: null } }),
      one().amendments.$post({ param: { id }, json: { version, jobs: buildJobs(1) } }),
      signRequest(closed, 'hand_back'),
      clockOn(closed, jobId, 'start'),
      one()['hand-back'].$post({
        param: { id },
        json: { version, checklist: ALL_TICKED, signatureId: closed.signatures[1]!.id },
      }),
    ];
    for (const refusal of refusals) await expectError('repair_order_locked', refusal);
    await expectError(
      'repair_order_locked',
      staff.raw('POST', `/api/v1/repair-orders/${id}/photos`, { body: PNG }),
    );
    expect((await read(id)).version).toBe(version);
  });

  it('refuses each move its guards forbid, with their codes', async () => {
    const order = await openWalkIn();
    await expectError('checkin_unsigned', move(order, 'in_progress'));
    await expectError('checkin_unsigned', clockOn(order, order.jobs[0]!.id, 'start'));
    await expectError(
      'checkin_unsigned',
      one().amendments.$post({
        param: { id: order.id },
        json: { version: order.version, jobs: buildJobs(1) },
      }),
    );
    const { details } = await expectError('invalid_transition', move(order, 'done'));
    expect(details).toEqual({ from: 'todo', to: 'done' });
    await expectError('handback_incomplete', move(order, 'handed_back'));
    const signed = await sign(order, 'check_in');
    await expectError('repair_order_signed', signRequest(signed, 'check_in'));
    await expectError('handback_incomplete', signRequest(signed, 'hand_back'));
    const working = await expectStatus(200, move(signed, 'in_progress'));
    await expectError(
      'handback_incomplete',
      one()['hand-back'].$post({
        param: { id: order.id },
        json: {
          version: working.version,
          checklist: ALL_TICKED,
          signatureId: signed.signatures[0]!.id,
        },
      }),
    );
    const done = await expectStatus(200, move(working, 'done'));
    const handBackSigned = await sign(done, 'hand_back');
    await expectError(
      'handback_incomplete',
      one()['hand-back'].$post({
        param: { id: order.id },
        json: {
          version: handBackSigned.version,
          checklist: { ...ALL_TICKED, nextDueReminded: false },
          signatureId: handBackSigned.signatures[1]!.id,
        },
      }),
    );
    const stale = await expectError('stale_version', move(working, 'in_progress'));
    expect(RepairOrderSchema.parse(stale.details.current).version).toBe(handBackSigned.version);
  });

  it('opens an OR only from an accepted quote, and only one', async () => {
    const sent = await answeredQuote('sent');
    const refused = await expectError(
      'quote_not_accepted',
      orders().$post({ json: { quoteId: sent.id } }),
    );
    expect(refused.details).toEqual({ status: 'sent' });
    const accepted = await answeredQuote('accepted');
    const opened = await expectStatus(201, orders().$post({ json: { quoteId: accepted.id } }));
    expect(opened.jobs.flatMap((job) => job.lines)).toHaveLength(4);
    const again = await expectError(
      'quote_already_ordered',
      orders().$post({ json: { quoteId: accepted.id } }),
    );
    expect(again.details).toEqual({ repairOrderId: opened.id, number: opened.number });
  });

  it('numbers 50 ORs opened at once 1 to 50 of the year, without gaps', async () => {
    // A year no other test opens an OR in: its numbers start at 1.
    clock = new Date('2031-01-02T09:00:00Z');
    try {
      // Signed in then: the sessions of 2026 have long expired.
      const clerk = await server.signIn('staff');
      const client = await expectStatus(201, clerk.api.clients.$post({ json: buildClientInput() }));
      const vehicle = await expectStatus(
        201,
        clerk.api.vehicles.$post({ json: buildVehicleInput(client.id) }),
      );
      const opened = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          expectStatus(
            201,
            clerk.api['repair-orders'].$post({
              json: {
                origin: index % 2 ? 'warranty' : 'walk_in',
                clientId: client.id,
                vehicleId: vehicle.id,
                jobs: buildJobs(1),
              },
            }),
          ),
        ),
      );
      expect(opened.map((order) => order.number).sort()).toEqual(
        Array.from({ length: 50 }, (_, i) => `OR-2031-${String(i + 1).padStart(5, '0')}`),
      );
    } finally {
      clock = NOW;
    }
  });

  it('holds extra work until the customer answers: by phone authorised, by signature refused and kept as travaux à prévoir', async () => {
    const working = await openInProgress();
    const pending = await amend(working, 'Disques avant');
    const [amendment] = pending.amendments;
    const extraJob = pending.jobs.find((job) => job.amendmentId === amendment!.id)!;
    expect(pending).toMatchObject({ status: 'waiting_approval', totals: working.totals });
    expect(amendment).toMatchObject({ status: 'pending', jobIds: [extraJob.id], decision: null });
    await expectError('job_not_authorised', clockOn(pending, extraJob.id, 'start'));
    await expectError('amendment_pending', move(pending, 'in_progress'));

    const byPhone = await expectStatus(
      200,
      one().amendments[':amendmentId'].decision.$post({
        param: { id: working.id, amendmentId: amendment!.id },
        json: {
          version: pending.version,
          decision: 'authorised',
          channel: 'phone',
          caller: 'Karim Atelier',
          callee: 'Hélène Test',
          calledAt: '2026-11-24T08:55:00.000Z',
        },
      }),
    );
    expect(byPhone.status).toBe('in_progress');
    expect(byPhone.amendments[0]!.decision).toMatchObject({
      decision: 'authorised',
      channel: 'phone',
      call: {
        caller: 'Karim Atelier',
        callee: 'Hélène Test',
        calledAt: '2026-11-24T08:55:00.000Z',
      },
      recordedBy: { name: 'Karim Atelier' },
      signatureId: null,
    });
    expect(byPhone.totals.exclVatCents).toBe(2 * working.totals.exclVatCents);
    await expectError(
      'validation_failed',
      one().amendments[':amendmentId'].decision.$post({
        param: { id: working.id, amendmentId: amendment!.id },
        json: { version: byPhone.version, decision: 'refused', channel: 'phone' },
      }),
    );

    const second = await amend(byPhone, 'Amortisseurs');
    const secondId = second.amendments[1]!.id;
    const earlier = await sign(second, 'amendment', secondId);
    // Found before the customer's answer: what they signed no longer stands.
    const third = await amend(earlier, 'Essuie-glaces');
    const outdated = earlier.signatures.find((each) => each.kind === 'amendment')!;
    const stale = await expectError(
      'signature_stale',
      one().amendments[':amendmentId'].decision.$post({
        param: { id: working.id, amendmentId: secondId },
        json: {
          version: third.version,
          decision: 'refused',
          channel: 'signature',
          signatureId: outdated.id,
        },
      }),
    );
    expect(stale.details.current).toEqual(third);
    await expectStatus(
      200,
      one().amendments[':amendmentId'].decision.$post({
        param: { id: working.id, amendmentId: third.amendments[2]!.id },
        json: {
          version: third.version,
          decision: 'refused',
          channel: 'phone',
          caller: 'a',
          callee: 'b',
          calledAt: NOW.toISOString(),
          keepDeclinedWork: false,
        },
      }),
    );
    const signed = await sign(await read(working.id), 'amendment', secondId);
    const signature = signed.signatures.findLast((each) => each.kind === 'amendment')!;
    expect(signature.amendmentId).toBe(secondId);
    const refused = await expectStatus(
      200,
      one().amendments[':amendmentId'].decision.$post({
        param: { id: working.id, amendmentId: secondId },
        json: {
          version: signed.version,
          decision: 'refused',
          channel: 'signature',
          signatureId: signature.id,
          reason: 'Trop cher ce mois-ci',
        },
      }),
    );
    expect(refused.amendments[1]).toMatchObject({
      status: 'refused',
      decision: { channel: 'signature', signatureId: signature.id, reason: 'Trop cher ce mois-ci' },
    });
    expect(refused.totals).toEqual(byPhone.totals);
    const refusedJob = refused.jobs.find((job) => job.amendmentId === secondId)!;
    await expectError('job_not_authorised', clockOn(refused, refusedJob.id, 'start'));
    const again = await expectError(
      'invalid_transition',
      one().amendments[':amendmentId'].decision.$post({
        param: { id: working.id, amendmentId: secondId },
        json: {
          version: refused.version,
          decision: 'authorised',
          channel: 'phone',
          caller: 'a',
          callee: 'b',
          calledAt: NOW.toISOString(),
        },
      }),
    );
    expect(again.details).toEqual({ from: 'refused', to: 'authorised' });

    const history = await expectStatus(
      200,
      staff.api.vehicles[':id'].history.$get({ param: { id: working.vehicleId } }),
    );
    expect(
      history.declinedWork.map((work) => [
        work.repairOrderId,
        work.description,
        work.amountExclVatCents,
      ]),
    ).toEqual(
      expect.arrayContaining(
        refusedJob.lines.map((line) => [
          working.id,
          `Amortisseurs — ${line.description}`,
          line.totalExclVatCents,
        ]),
      ),
    );
    expect(history.declinedWork).toHaveLength(2);
  });

  it('counts the minutes clocked per job and who is on it, ignoring a repeated tap', async () => {
    const working = await openInProgress();
    const jobId = working.jobs[0]!.id;
    try {
      const started = await expectStatus(200, clockOn(working, jobId, 'start'));
      expect(started.jobs[0]!.clockedOn).toEqual([
        { id: expect.any(String), name: 'Karim Atelier' },
      ]);
      const repeated = await expectStatus(200, clockOn(working, jobId, 'start'));
      expect(repeated.version).toBe(started.version);
      clock = minutes(20);
      await expectStatus(200, clockOn(working, jobId, 'pause'));
      clock = minutes(30);
      await expectStatus(200, clockOn(working, jobId, 'start'));
      clock = minutes(45);
      const running = await read(working.id);
      expect(running.jobs[0]).toMatchObject({ clockedMinutes: 35, soldMinutes: 90 });
      // Declared finished: whoever is still on is clocked off then.
      const done = await expectStatus(200, move(running, 'done'));
      clock = minutes(90);
      expect((await read(working.id)).jobs[0]).toMatchObject({ clockedMinutes: 35, clockedOn: [] });
      expect(done.jobs[0]!.clockedMinutes).toBe(35);
      const cards = await expectStatus(
        200,
        orders().$get({ query: { clientId: working.clientId } }),
      );
      expect(cards.items[0]).toMatchObject({
        soldMinutes: 90,
        clockedMinutes: 35,
        pendingAmendments: 0,
      });
    } finally {
      clock = NOW;
    }
  });

  it('starts the work when a technician first clocks on an OR still to do', async () => {
    const signed = await sign(await openWalkIn(), 'check_in');
    const started = await expectStatus(200, clockOn(signed, signed.jobs[0]!.id, 'start'));
    expect(started.status).toBe('in_progress');
  });

  it('refuses a signature of an OR that changed since it was shown with signature_stale, and a signature that is no PNG', async () => {
    const shown = await openWalkIn();
    const changed = await expectStatus(
      200,
      one().$patch({ param: { id: shown.id }, json: { version: shown.version, keysTag: 'C7' } }),
    );
    const stale = await expectError('signature_stale', signRequest(shown, 'check_in'));
    expect(stale.details.current).toEqual(changed);
    const forged = await expectError(
      'signature_stale',
      signRequest(changed, 'check_in', { versionHash: await hashRepairOrderVersion(shown) }),
    );
    expect(forged.details.current.signatures).toEqual([]);
    const notPng = await expectError(
      'validation_failed',
      one().signatures.$post({
        param: { id: shown.id },
        json: {
          version: changed.version,
          kind: 'check_in',
          signerName: 'Hélène Test',
          image: `data:image/png;base64,${Buffer.from('pas une image').toString('base64')}`,
          versionHash: await hashRepairOrderVersion(changed),
        },
      }),
    );
    expect(issuePaths(notPng)).toEqual(['image']);
    expect((await read(shown.id)).signatures).toEqual([]);
  });

  it('stores a PNG and a JPEG as sent, typed from their bytes, and refuses a text file or an oversized one', async () => {
    const order = await openWalkIn();
    const path = `/api/v1/repair-orders/${order.id}/photos`;
    const upload = (body: Uint8Array, type: string) =>
      staff.raw('POST', path, { body, headers: { 'content-type': type } });
    await expectStatus(201, upload(PNG, 'application/octet-stream'));
    const withBoth = RepairOrderSchema.parse(await (await upload(JPEG, 'image/png')).json());
    expect(
      withBoth.photos.map(({ contentType, bytes, width, height }) => [
        contentType,
        bytes,
        width,
        height,
      ]),
    ).toEqual([
      ['image/png', PNG.length, 1, 1],
      ['image/jpeg', JPEG.length, 3, 2],
    ]);
    for (const [photo, bytes] of [
      [withBoth.photos[0]!, PNG],
      [withBoth.photos[1]!, JPEG],
    ] as const) {
      const response = await staff.raw('GET', `${path}/${photo.id}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(photo.contentType);
      expect(response.headers.get('cache-control')).toMatch(/^private/);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    }
    const text = await expectError(
      'validation_failed',
      upload(new TextEncoder().encode('Ceci est un fichier texte nommé photo.png'), 'image/png'),
    );
    expect(issuePaths(text)).toEqual(['photo']);
    const oversized = new Uint8Array(PHOTO_MAX_BYTES + 1);
    oversized.set(PNG);
    await expectError('payload_too_large', upload(oversized, 'image/png'));
    expect((await read(order.id)).photos).toHaveLength(2);
    await expectError(
      'unauthenticated',
      server.client().raw('GET', `${path}/${withBoth.photos[0]!.id}`),
    );
  });

  it('lists the board’s cards by status, technician, day and search, page by page', async () => {
    const mechanic = await server.signIn('staff', 'Léo Mécanicien');
    const me = await expectStatus(200, mechanic.api.auth.me.$get());
    const order = await openWalkIn();
    const assigned = await expectStatus(
      200,
      one().assign.$post({
        param: { id: order.id },
        json: { version: order.version, technicianId: me.user.id },
      }),
    );
    expect(assigned.technicianName).toBe('Léo Mécanicien');
    const ids = async (query: Record<string, string>) =>
      (await expectStatus(200, orders().$get({ query }))).items.map((card) => card.id);
    expect(await ids({ technicianId: me.user.id })).toEqual([order.id]);
    expect(await ids({ q: order.number })).toEqual([order.id]);
    expect(await ids({ q: order.vehiclePlate.replaceAll('-', ' ').toLowerCase() })).toEqual([
      order.id,
    ]);
    expect(await ids({ status: 'open', clientId: order.clientId })).toEqual([order.id]);
    expect(await ids({ status: 'done', clientId: order.clientId })).toEqual([]);
    expect(await ids({ day: '2026-11-24', clientId: order.clientId })).toEqual([order.id]);
    const [card] = (await expectStatus(200, orders().$get({ query: { q: order.number } }))).items;
    expect(card).toEqual({
      id: order.id,
      version: assigned.version,
      number: order.number,
      status: 'todo',
      clientId: order.clientId,
      clientName: order.clientName,
      vehicleId: order.vehicleId,
      vehiclePlate: order.vehiclePlate,
      vehicleLabel: order.vehicleLabel,
      technicianId: me.user.id,
      technicianName: 'Léo Mécanicien',
      promisedAt: null,
      createdAt: order.createdAt,
      updatedAt: assigned.updatedAt,
      soldMinutes: 90,
      clockedMinutes: 0,
      pendingAmendments: 0,
    });
    const first = await expectStatus(200, orders().$get({ query: { limit: '2' } }));
    const next = await expectStatus(
      200,
      orders().$get({ query: { limit: '2', cursor: first.nextCursor! } }),
    );
    expect(first.items).toHaveLength(2);
    expect(next.items.map((each) => each.id)).not.toContain(first.items[0]!.id);
    await expectError(
      'validation_failed',
      one().assign.$post({
        param: { id: order.id },
        json: { version: assigned.version, technicianId: order.clientId },
      }),
    );
  });

  it('sends the counter the whole OR and the workshop wall its card, without customer or money', async () => {
    const admin = await server.admin();
    const token = await expectStatus(
      201,
      admin.api['display-tokens'].$post({ json: { name: 'Atelier', mode: 'workshop' } }),
    );
    expect(token.mode).toBe('workshop');
    const wall = server.client();
    const signedIn = await expectStatus(
      200,
      wall.api.auth.display.$post({ json: { token: token.token } }),
    );
    expect(signedIn.user.displayMode).toBe('workshop');
    const counter = connectSocket(server.url, staff.cookie);
    const screen = connectSocket(server.url, wall.cookie);
    try {
      await Promise.all([waitForEvent(counter, 'hello'), waitForEvent(screen, 'hello')]);
      const changes = recordEvents(screen, 'change');
      const order = await openWalkIn();
      const seenByCounter = waitForChange(
        counter,
        'repair_order',
        (change) => change.id === order.id && change.action === 'transitioned',
      );
      const seenByWall = waitForEvent(
        screen,
        'workshop',
        (card) => card.id === order.id && card.status === 'in_progress',
      );
      const signed = await sign(order, 'check_in');
      const moved = await expectStatus(200, move(signed, 'in_progress'));
      const change = await seenByCounter;
      expect(change.data).toEqual(moved);
      expect(change.actor?.name).toBe('Karim Atelier');
      const [card] = await seenByWall;
      expect(card).toEqual({
        id: order.id,
        version: moved.version,
        number: order.number,
        status: 'in_progress',
        vehiclePlate: order.vehiclePlate,
        vehicleLabel: 'Renault Clio IV',
        technicianName: null,
        promisedAt: null,
        updatedAt: moved.updatedAt,
        soldMinutes: 90,
        clockedMinutes: 0,
        pendingAmendments: 0,
      });
      expect(JSON.stringify(card)).not.toContain(order.clientName);
      expect(changes).toEqual([]);

      const board = await expectStatus(200, wall.api.workshop.$get());
      expect(board.items.find((item) => item.id === order.id)).toEqual(card);
      expect(JSON.stringify(board)).not.toMatch(/clientName|Cents/);
      await expectError(
        'forbidden',
        wall.api['repair-orders'][':id'].$get({ param: { id: order.id } }),
      );
      await expectError('forbidden', wall.api['repair-orders'].$get({ query: {} }));

      const backToDashboard = await expectStatus(
        200,
        admin.api['display-tokens'][':id'].$patch({
          param: { id: token.id },
          json: { mode: 'dashboard' },
        }),
      );
      expect(backToDashboard.mode).toBe('dashboard');
      const me = await expectStatus(200, wall.api.auth.me.$get());
      expect(me.user.displayMode).toBe('dashboard');
    } finally {
      counter.close();
      screen.close();
    }
  });
});
