import { describe, expect, it } from 'vitest';
import { describeChange, labelChange, toFeedChange, viewChange } from './feed';
import { type Change, FeedChangeSchema } from './schemas/change';
import {
  AT,
  buildAlert,
  buildAlertRulesRecord,
  buildChange,
  buildClient,
  buildDisplayToken,
  buildQuote,
  buildRepairOrder,
  buildSettingsRecord,
  buildStaff,
  buildVehicle,
  IDS,
  testId,
} from './testing/records';

/** What the wall screen and the feed read: the change as a feed entry, then in words. */
const describeAsFeed = (change: Change) => describeChange(toFeedChange(change));

describe('the activity feed wording', () => {
  it('says who did what to which record', () => {
    const created = buildChange('client', buildClient(), { action: 'created' });
    expect(describeAsFeed(created)).toBe('Marie Dubois a créé le client M. Jean Martin');
    const archived = buildChange('vehicle', buildVehicle(), { action: 'archived' });
    expect(describeAsFeed(archived)).toBe('Marie Dubois a archivé le véhicule AB-123-CD');
    const renamed = buildChange('staff', buildStaff({ name: 'Paul Martin' }));
    expect(describeAsFeed(renamed)).toBe('Marie Dubois a modifié le compte Paul Martin');
  });

  it('names quote transitions and expiry', () => {
    const quote = buildQuote({ status: 'sent', number: 'DEV-2026-00042' });
    const sent = buildChange('quote', quote, { action: 'transitioned' });
    expect(describeAsFeed(sent)).toBe('Marie Dubois a envoyé le devis DEV-2026-00042');
    const expired = buildChange(
      'quote',
      { ...quote, status: 'expired' },
      { action: 'transitioned', actor: null },
    );
    expect(describeAsFeed(expired)).toBe('Le devis DEV-2026-00042 a expiré');
    const draft = buildChange('quote', buildQuote({ clientName: 'Jean Martin' }), {
      action: 'created',
    });
    expect(describeAsFeed(draft)).toBe('Marie Dubois a créé le devis brouillon pour Jean Martin');
  });

  it('names a repair order by its number and plate, and says where it moved on the board', () => {
    const order = buildRepairOrder({ status: 'in_progress' });
    expect(describeAsFeed(buildChange('repair_order', order, { action: 'transitioned' }))).toBe(
      'Marie Dubois a passé en cours l’ordre de réparation OR-2026-00001 (AB-123-CD)',
    );
  });

  it('says a display token is revoked, not archived', () => {
    const revoked = buildChange(
      'display_token',
      buildDisplayToken({ revokedAt: '2026-11-24T10:00:00.000Z' }),
      {
        action: 'archived',
      },
    );
    expect(describeAsFeed(revoked)).toBe('Marie Dubois a révoqué l’écran Atelier');
  });

  it('names the settings, the alert rules and an alert by what they are', () => {
    expect(describeAsFeed(buildChange('settings', buildSettingsRecord()))).toBe(
      'Marie Dubois a modifié les paramètres du garage',
    );
    expect(describeAsFeed(buildChange('alert_rules', buildAlertRulesRecord()))).toBe(
      'Marie Dubois a modifié les règles des alertes',
    );
    const alert = buildChange('alert', buildAlert(), { action: 'archived' });
    expect(labelChange(alert)).toBe('Contrôle technique à faire — AB-123-CD');
  });

  it('names a payment by its amount, its means and its customer, and says what the till did', () => {
    const payment = {
      id: testId(40),
      kind: 'payment' as const,
      method: 'card' as const,
      amountCents: 17_089,
      receivedOn: '2026-11-24',
      reference: null,
      note: null,
      clientId: IDS.client,
      clientName: 'M. Jean Martin',
      allocations: [],
      unallocatedCents: 17_089,
      refundsPaymentId: null,
      tillSessionId: null,
      journalSeq: 3,
      createdAt: AT,
      createdByName: 'Marie Dubois',
    };
    expect(describeAsFeed(buildChange('payment', payment, { action: 'created' }))).toBe(
      'Marie Dubois a créé l’encaissement de 170,89\u00a0€ (Carte bancaire) de M. Jean Martin',
    );
    const refund = {
      ...payment,
      kind: 'refund' as const,
      method: 'cash' as const,
      amountCents: -500,
    };
    expect(labelChange(buildChange('payment', refund))).toBe(
      'le remboursement de 5,00\u00a0€ (Espèces) à M. Jean Martin',
    );
    const till = {
      id: testId(41),
      openedAt: AT,
      openedByName: 'Marie Dubois',
      openingFloatCents: 15_000,
      cashPaymentsCents: 0,
      movementsCents: 0,
      expectedCents: 15_000,
      countedCents: null,
      differenceCents: null,
      closedAt: null,
      closedByName: null,
      movements: [],
    };
    expect(describeAsFeed(buildChange('till', till, { action: 'created' }))).toBe(
      'Marie Dubois a ouvert la caisse du 24/11/2026 10:00',
    );
  });

  it('names an overdue invoice without its amount: the wall reads alert labels, never money', () => {
    const overdue = buildChange(
      'alert',
      buildAlert({
        kind: 'invoice_overdue',
        title: 'Facture FAC-2026-00012 impayée : 120,00 € en retard de 15 jours',
        subject: { type: 'invoice', id: IDS.alert, label: 'FAC-2026-00012 — Jean Martin' },
      }),
    );
    expect(labelChange(overdue)).toBe('Facture impayée en retard — FAC-2026-00012 — Jean Martin');
    expect(viewChange(overdue, 'display')).toMatchObject({
      sight: 'label',
      entry: { label: expect.not.stringContaining('€') },
    });
  });

  it('sums up a large batch of the alert check in one line', () => {
    const batch = buildChange(
      'alert_batch',
      { created: 1000, updated: 0, label: '1 000 nouvelle(s) alerte(s)' },
      { action: 'checked', actor: null },
    );
    expect(describeAsFeed(batch)).toBe('Vérification des alertes : 1 000 nouvelle(s) alerte(s)');
  });

  it('gives the wall screen a label, never the record', () => {
    const client = buildClient({
      kind: 'business',
      civility: null,
      firstName: null,
      lastName: null,
      companyName: 'Taxis Lumière',
      email: 'secret@example.fr',
      phones: ['+33612345678'],
    });
    const change = buildChange('client', client, { seq: 42 });
    const feed = toFeedChange(change);
    expect(FeedChangeSchema.parse(feed)).toEqual({
      seq: 42,
      entity: 'client',
      action: 'updated',
      id: client.id,
      label: 'Taxis Lumière',
      status: null,
      actor: change.actor,
      at: change.at,
    });
    expect(JSON.stringify(feed)).not.toMatch(/secret@example\.fr|33612345678/);
    expect(describeChange(feed)).toBe('Marie Dubois a modifié le client Taxis Lumière');
  });

  it('gives a quote’s entry its status, which the verb depends on, and nothing else of it', () => {
    const feed = toFeedChange(
      buildChange('quote', buildQuote({ status: 'accepted', number: 'DEV-2026-00007' }), {
        action: 'transitioned',
      }),
    );
    expect(feed).toMatchObject({ label: 'DEV-2026-00007', status: 'accepted' });
    expect(feed).not.toHaveProperty('data');
    expect(describeChange(feed)).toBe(
      'Marie Dubois a enregistré l’accord sur le devis DEV-2026-00007',
    );
  });
});
