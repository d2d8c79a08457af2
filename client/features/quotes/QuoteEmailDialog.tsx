import { useAction } from '@solidjs/router';
import { createEffect, createSignal, on, Show } from 'solid-js';
import type { Quote } from '../../../domain/schemas/quote';
import {
  DEFAULT_QUOTE_EMAIL_MESSAGE,
  QuoteEmailSchema,
  type QuoteMessage,
} from '../../../domain/schemas/quote-email';
import type { Settings } from '../../../domain/schemas/settings';
import { errorMessage, fieldErrors } from '../../lib/api';
import { validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input, Textarea } from '../../ui/Input';
import { getClient } from '../clients/clients.api';
import { renderQuotePdf, toBase64 } from './quote-pdf';
import { emailQuote } from './quotes.api';

type Step = 'pdf' | 'sending' | null;
const STEP_LABELS = { pdf: 'Préparation du PDF…', sending: 'Envoi…' } as const;

/**
 * « Envoyer par e-mail »: the recipient (the client's address by default), a message the staff
 * may rewrite, and the PDF drawn here as for « Télécharger », posted with them.
 */
export function QuoteEmailDialog(props: {
  quote: Quote;
  settings: Settings;
  open: boolean;
  onClose: () => void;
  onSent: (message: QuoteMessage) => void;
}) {
  const send = useAction(emailQuote);
  const [to, setTo] = createSignal('');
  const [message, setMessage] = createSignal(DEFAULT_QUOTE_EMAIL_MESSAGE);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [failure, setFailure] = createSignal<string | null>(null);
  const [step, setStep] = createSignal<Step>(null);

  // Each opening starts afresh from the client's address.
  createEffect(
    on(
      () => props.open,
      async (isOpen) => {
        if (!isOpen) return;
        setErrors({});
        setFailure(null);
        setMessage(DEFAULT_QUOTE_EMAIL_MESSAGE);
        setTo('');
        try {
          const client = await getClient(props.quote.clientId);
          if (!to()) setTo(client.email ?? '');
        } catch {
          // No default address then: the staff types it.
        }
      },
    ),
  );

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const fields = { to: to().trim(), message: message() };
    const checked = validateAll(QuoteEmailSchema.pick({ to: true, message: true }), fields);
    if (!checked.success) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setFailure(null);
    try {
      setStep('pdf');
      const { doc } = await renderQuotePdf(props.quote, props.settings);
      const pdfBase64 = toBase64(doc.output('arraybuffer'));
      setStep('sending');
      props.onSent(await send(props.quote.id, { ...checked.data, pdfBase64 }));
    } catch (caught) {
      const byField = fieldErrors(caught);
      setErrors(byField);
      setFailure(
        byField.pdfBase64 ?? (byField.to || byField.message ? null : errorMessage(caught)),
      );
    } finally {
      setStep(null);
    }
  }

  return (
    <Dialog open={props.open} title="Envoyer le devis par e-mail" onClose={props.onClose}>
      <form class="form quote-email-form" onSubmit={submit} noValidate>
        <Show when={failure()}>
          <div class="alert alert-error" role="alert">
            {failure()}
          </div>
        </Show>
        <Field label="Destinataire" for="quote-email-to" error={errors().to}>
          <Input
            id="quote-email-to"
            type="email"
            autocomplete="email"
            value={to()}
            error={errors().to}
            onInput={(event) => setTo(event.currentTarget.value)}
          />
        </Field>
        <Field
          label="Message"
          for="quote-email-message"
          error={errors().message}
          hint="Inséré dans le courriel, avant la présentation du devis ; le PDF est joint."
        >
          <Textarea
            id="quote-email-message"
            rows={5}
            value={message()}
            error={errors().message}
            onInput={(event) => setMessage(event.currentTarget.value)}
          />
        </Field>
        <div class="dialog-actions">
          <Show when={step()}>
            {(current) => (
              <span class="muted" role="status">
                {STEP_LABELS[current()]}
              </span>
            )}
          </Show>
          <Button onClick={() => props.onClose()} disabled={step() !== null}>
            Annuler
          </Button>
          <Button type="submit" variant="primary" isLoading={step() !== null}>
            Envoyer
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
