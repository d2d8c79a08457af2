import { describe, expect, it } from 'vitest';
import { describeChange, toFeedChange } from './feed';
import type { Change } from './schemas/change';

const base = {
  seq: 1,
  id: 'x',
  at: '2026-11-24T09:00:00Z',
  actor: { id: 'a', name: 'Marie Dubois' },
};

describe('the activity feed wording', () => {
  it('says who did what to which record', () => {
    const client: Change = {
      ...base,
      entity: 'client',
      action: 'created',
      data: {
        kind: 'person',
        civility: 'mr',
        firstName: 'Jean',
        lastName: 'Martin',
        companyName: null,
      },
    };
    expect(describeChange(client)).toBe('Marie Dubois a créé le client M. Jean Martin');
  });

  it('names quote transitions and expiry', () => {
    const sent: Change = {
      ...base,
      entity: 'quote',
      action: 'transitioned',
      data: { number: 'DEV-2026-00042', status: 'sent', clientName: 'Jean Martin' },
    };
    expect(describeChange(sent)).toBe('Marie Dubois a envoyé le devis DEV-2026-00042');
    expect(
      describeChange({
        ...sent,
        actor: null,
        data: { number: 'DEV-2026-00042', status: 'expired' },
      }),
    ).toBe('Le devis DEV-2026-00042 a expiré');
    expect(
      describeChange({
        ...sent,
        action: 'created',
        data: { number: null, clientName: 'Jean Martin' },
      }),
    ).toBe('Marie Dubois a créé le devis brouillon pour Jean Martin');
  });

  it('says a display token is revoked, not archived', () => {
    const revoked: Change = {
      ...base,
      entity: 'display_token',
      action: 'archived',
      data: { name: 'Atelier' },
    };
    expect(describeChange(revoked)).toBe('Marie Dubois a révoqué l’écran Atelier');
  });

  it('sums up a large batch of the alert check in one line', () => {
    const batch: Change = {
      ...base,
      actor: null,
      entity: 'alert',
      action: 'checked',
      data: { label: '1 000 alertes créées', created: 1000, updated: 0 },
    };
    expect(describeChange(batch)).toBe('Vérification des alertes : 1 000 alertes créées');
  });

  it('gives the wall screen a label, never the record', () => {
    const change: Change = {
      ...base,
      entity: 'client',
      action: 'updated',
      data: {
        kind: 'business',
        companyName: 'Taxis Lumière',
        email: 'secret@example.fr',
        phones: ['+33612345678'],
      },
    };
    const feed = toFeedChange(change);
    expect(feed.data).toEqual({ label: 'Taxis Lumière' });
    expect(describeChange(feed)).toBe('Marie Dubois a modifié le client Taxis Lumière');
  });
});
