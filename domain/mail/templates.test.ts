import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_PLACEHOLDERS,
  MailTemplateSchema,
  TEMPLATE_KINDS,
  type TemplateValues,
} from '../schemas/mail';
import { DEFAULT_TEMPLATES, SAMPLE_VALUES } from './default-templates';
import { escapeHtml } from './html-layout';
import {
  CheckedMailTemplateSchema,
  checkTemplate,
  parseTemplate,
  renderTemplate,
} from './templates';

const RUNS = { seed: 20_261_214, numRuns: 300 };
const UNSUBSCRIBE = 'https://garage.example/desinscription/abc';

const ctValues: TemplateValues = {
  nom: 'Mme Durand',
  vehicule: 'Peugeot 208',
  immatriculation: 'AB-123-CD',
  echeance: '15/01/2027',
  garage: 'Garage du Centre',
  telephone_garage: '01 23 45 67 89',
};

/** Decodes the five entities escapeHtml writes, and nothing else. */
function unescapeHtml(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => {
    const chars: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
    return chars[name] as string;
  });
}

describe('parseTemplate', () => {
  it('splits text and placeholders, spaces inside the braces allowed', () => {
    expect(parseTemplate('Bonjour {{ nom }}, votre {{vehicule}}.').tokens).toEqual([
      { type: 'text', value: 'Bonjour ' },
      { type: 'placeholder', name: 'nom' },
      { type: 'text', value: ', votre ' },
      { type: 'placeholder', name: 'vehicule' },
      { type: 'text', value: '.' },
    ]);
  });

  it('reports nested lookups, expressions and unclosed braces as malformed', () => {
    expect(parseTemplate('{{client.nom}} {{ 1 + 1 }} {{nom').malformed).toEqual([
      '{{client.nom}}',
      '{{ 1 + 1 }}',
      '{{nom',
    ]);
  });
});

describe('checkTemplate', () => {
  it('accepts every default template, which the schema accepts too', () => {
    for (const kind of TEMPLATE_KINDS) {
      const template = DEFAULT_TEMPLATES[kind];
      expect(checkTemplate(template)).toEqual([]);
      expect(MailTemplateSchema.safeParse(template).success).toBe(true);
    }
  });

  it('lists unknown and unavailable placeholders in French with the allowed ones', () => {
    const issues = checkTemplate({
      kind: 'ct_reminder',
      subject: 'Devis {{numero_devis}}',
      body: 'Bonjour {{prenom}} {{prenom}}, {{constructor}}',
    });
    expect(issues.map((issue) => [issue.field, issue.placeholder])).toEqual([
      ['subject', 'numero_devis'],
      ['body', 'prenom'],
      ['body', 'constructor'],
    ]);
    expect(issues[0]?.message).toContain('n’est pas disponible dans ce modèle');
    expect(issues[1]?.message).toContain('n’existe pas');
    expect(issues[1]?.message).toContain('{{echeance}}');
  });

  it('refuses a malformed placeholder with an example of the right form', () => {
    const [issue] = checkTemplate({ kind: 'quote_sent', subject: 'Devis', body: '{{nom.x}}' });
    expect(issue?.message).toBe(
      '« {{nom.x}} » n’est pas un champ valide : écrivez un nom entre accolades, par exemple {{nom}}.',
    );
  });

  it('gives the form every placeholder problem as a field error, with the shape’s', () => {
    const result = CheckedMailTemplateSchema.safeParse({
      kind: 'service_reminder',
      subject: 'Entretien {{numero_devis}}',
      body: 'Bonjour {{inconnu}}',
    });
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['subject'], ['body']]);
    const valid = CheckedMailTemplateSchema.safeParse(DEFAULT_TEMPLATES.service_reminder);
    expect(valid.success).toBe(true);
  });

  it('previews every default template with the sample values', () => {
    for (const kind of TEMPLATE_KINDS) {
      const mail = renderTemplate(DEFAULT_TEMPLATES[kind], SAMPLE_VALUES, {
        unsubscribeUrl: UNSUBSCRIBE,
      });
      expect(mail.text).toContain('Mme Camille Durand');
      expect(mail.text).not.toContain('{{');
    }
  });

  it('the schema refuses a subject over two lines and an empty body', () => {
    const result = MailTemplateSchema.safeParse({ kind: 'quote_sent', subject: 'a\nb', body: ' ' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toEqual(['subject', 'body']);
  });
});

describe('renderTemplate', () => {
  it('renders the CT reminder as the issue words it, with the unsubscribe link', () => {
    const mail = renderTemplate(DEFAULT_TEMPLATES.ct_reminder, ctValues, {
      unsubscribeUrl: UNSUBSCRIBE,
    });
    expect(mail.subject).toBe('Contrôle technique de votre Peugeot 208 à prévoir');
    expect(mail.text).toContain(
      'Le contrôle technique de votre Peugeot 208 (AB-123-CD) est à faire avant le 15/01/2027.',
    );
    expect(mail.text).toContain(`Pour ne plus recevoir ces rappels : ${UNSUBSCRIBE}`);
    expect(mail.html).toContain(`<a href="${UNSUBSCRIBE}"`);
    expect(mail.html).toContain('<meta name="viewport"');
    expect(mail.html).not.toContain('<style');
  });

  it('escapes values in the HTML part only', () => {
    const values = { ...ctValues, nom: `O'Brien & <Fils> "SARL"` };
    const mail = renderTemplate(DEFAULT_TEMPLATES.ct_reminder, values, {
      unsubscribeUrl: UNSUBSCRIBE,
    });
    expect(mail.text).toContain(`Bonjour O'Brien & <Fils> "SARL",`);
    expect(mail.html).toContain('Bonjour O&#39;Brien &amp; &lt;Fils&gt; &quot;SARL&quot;,');
    expect(mail.html).not.toContain('<Fils>');
  });

  it('puts the quote link in a button and in the text part', () => {
    const mail = renderTemplate(
      DEFAULT_TEMPLATES.quote_sent,
      { ...ctValues, numero_devis: 'DEV-2026-00042', message: 'Merci de votre visite.' },
      { action: { label: 'Voir le devis', url: 'https://garage.example/devis/tok' } },
    );
    expect(mail.subject).toBe('Votre devis DEV-2026-00042 — Garage du Centre');
    expect(mail.text).toContain('Voir le devis : https://garage.example/devis/tok');
    expect(mail.html).toContain('href="https://garage.example/devis/tok"');
    expect(mail.html).not.toContain('desinscription');
  });

  it('keeps a subject on one line whatever the values hold', () => {
    const mail = renderTemplate(DEFAULT_TEMPLATES.quote_followup, {
      numero_devis: 'DEV\r\nBcc: x@y.z',
    });
    expect(mail.subject).toBe('Votre devis DEV Bcc: x@y.z vous attend');
  });

  it('refuses an invalid template, a reminder without its unsubscribe link and a javascript: link', () => {
    expect(() =>
      renderTemplate({ kind: 'quote_sent', subject: 'x', body: '{{inconnu}}' }, {}),
    ).toThrow(RangeError);
    expect(() => renderTemplate(DEFAULT_TEMPLATES.service_reminder, ctValues)).toThrow(
      /unsubscribe/,
    );
    expect(() =>
      renderTemplate(DEFAULT_TEMPLATES.quote_sent, ctValues, {
        action: { label: 'Voir', url: 'javascript:alert(1)' },
      }),
    ).toThrow(/web link/);
  });
});

describe('renderTemplate, property', () => {
  const kindArb = fc.constantFrom(...TEMPLATE_KINDS);
  const literalArb = fc.string({ maxLength: 20 }).map((value) => value.replace(/[{}]/g, ''));

  it('escapes any value so that it reads back exactly, and never leaves it raw', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        const mail = renderTemplate(
          { kind: 'quote_sent', subject: 'S', body: '[{{nom}}]' },
          { nom: value },
        );
        const escaped = escapeHtml(value);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(unescapeHtml(escaped)).toBe(value);
        expect(mail.html).toContain(`[${escaped}]`);
        expect(mail.text).toContain(`[${value}]`);
        // The value is nowhere but in its slot, escaped: the page is the one a harmless value gives.
        const marked = renderTemplate(
          { kind: 'quote_sent', subject: 'S', body: '[{{nom}}]' },
          { nom: 'VALEURTEMOIN' },
        );
        expect(mail.html).toBe(marked.html.replace('VALEURTEMOIN', () => escaped));
      }),
      RUNS,
    );
  });

  it('renders every valid template with any values (total)', () => {
    const templateArb = kindArb.chain((kind) => {
      const pieceArb = fc.oneof(
        literalArb,
        fc.constantFrom(...ALLOWED_PLACEHOLDERS[kind]).map((name) => `{{${name}}}`),
        fc.constant('\n'),
      );
      return fc.record({
        kind: fc.constant(kind),
        subject: fc.array(pieceArb, { minLength: 1, maxLength: 6 }).map((p) => p.join('')),
        body: fc.array(pieceArb, { minLength: 1, maxLength: 12 }).map((p) => p.join('')),
      });
    });
    const valuesArb = fc.dictionary(
      fc.constantFrom(...Object.keys(ctValues), 'travaux', 'lien', 'message'),
      fc.string({ maxLength: 30 }),
    ) as fc.Arbitrary<TemplateValues>;
    fc.assert(
      fc.property(templateArb, valuesArb, (draft, values) => {
        const template = { ...draft, subject: draft.subject.replace(/\n/g, ' ') };
        expect(checkTemplate(template)).toEqual([]);
        const mail = renderTemplate(template, values, { unsubscribeUrl: UNSUBSCRIBE });
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.html.startsWith('<!DOCTYPE html>')).toBe(true);
      }),
      RUNS,
    );
  });

  it('checks any text without throwing, and accepts none with a stray {{', () => {
    fc.assert(
      fc.property(kindArb, fc.string({ maxLength: 80 }), (kind, body) => {
        const issues = checkTemplate({ kind, subject: 'S', body });
        const { tokens } = parseTemplate(body);
        const hasStrayBraces = tokens.some((t) => t.type === 'text' && t.value.includes('{{'));
        if (hasStrayBraces) expect(issues.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });
});
