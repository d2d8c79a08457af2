import { describe, expect, it } from 'vitest';
import { buildAlert, buildQuote } from '../testing/records';
import { DEFAULT_TEMPLATES } from './default-templates';
import { renderTemplate } from './templates';
import {
  buildGarageLayout,
  buildQuoteValues,
  buildReminderValues,
  buildUnsubscribeHeaders,
} from './values';

const company = {
  name: 'Garage du Centre',
  phone: '01 23 45 67 89',
  address: { street: '3 rue des Lilas', postalCode: '69003', city: 'Lyon', country: 'FR' },
};
const vehicle = { plate: 'AB-123-CD', make: 'Peugeot', model: '208' };
const UNSUBSCRIBE = 'https://garage.example/desinscription/tok';

describe('mail values', () => {
  it('renders the CT reminder of the issue from an alert, a client and a vehicle', () => {
    const alert = buildAlert({ kind: 'ct_due', dueDate: '2027-01-15' });
    const values = buildReminderValues({ alert, clientName: 'Mme Durand', vehicle, company });
    const mail = renderTemplate(DEFAULT_TEMPLATES.ct_reminder, values, {
      ...buildGarageLayout(company),
      unsubscribeUrl: UNSUBSCRIBE,
    });
    expect(mail.text).toContain(
      'Le contrôle technique de votre Peugeot 208 (AB-123-CD) est à faire avant le 15/01/2027.',
    );
    expect(mail.text).toContain('Garage du Centre — 01 23 45 67 89 — 3 rue des Lilas, 69003 Lyon');
    expect(mail.html).toContain('Garage du Centre</td>');
  });

  it('lists the declined work from the alert’s detail', () => {
    const alert = buildAlert({
      kind: 'declined_work',
      dueDate: '2027-03-01',
      detail: 'Pneus ; Essuie-glaces',
    });
    const values = buildReminderValues({ alert, clientName: 'M. Martin', vehicle: null, company });
    expect(values).toMatchObject({
      travaux: 'Pneus ; Essuie-glaces',
      vehicule: 'véhicule',
      immatriculation: '',
    });
  });

  it('writes the quote’s number, total incl. VAT and validity the French way', () => {
    const quote = buildQuote({ status: 'sent', number: 'DEV-2026-00042' });
    const values = buildQuoteValues({ quote, vehicle, company, link: 'https://g.example/d/x' });
    expect(values.numero_devis).toBe('DEV-2026-00042');
    expect(values.validite).toBe('24/12/2026');
    expect(values.montant_ttc).toMatch(/^\d[\d\u202f]*,\d{2}\u00a0€$/);
    const mail = renderTemplate(DEFAULT_TEMPLATES.quote_sent, values, {
      ...buildGarageLayout(company),
      action: { label: 'Voir et accepter le devis', url: 'https://g.example/d/x' },
    });
    expect(mail.subject).toBe('Votre devis DEV-2026-00042 — Garage du Centre');
  });

  it('gives the one-click unsubscribe headers, for web links only', () => {
    expect(buildUnsubscribeHeaders(UNSUBSCRIBE)).toEqual({
      'List-Unsubscribe': `<${UNSUBSCRIBE}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
    expect(() => buildUnsubscribeHeaders('https://x.example/a>b')).toThrow(RangeError);
    expect(() => buildUnsubscribeHeaders('mailto:x@y.z')).toThrow(RangeError);
  });
});
