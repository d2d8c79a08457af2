import { useAction, useSubmission } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { OutboxTestSchema } from '../../../domain/schemas/outbox';
import { errorMessage, fieldErrors } from '../../lib/api';
import { validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { sendTestMessage } from './mail.api';

/** « Envoyer un message de test »: queued like any message, so the outbox shows its fate. */
export function TestMailForm(props: { onSent: () => void }) {
  const send = useAction(sendTestMessage);
  const submission = useSubmission(sendTestMessage);
  const [to, setTo] = createSignal('');
  const [error, setError] = createSignal<string | undefined>();

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const checked = validateAll(OutboxTestSchema, { to: to() });
    if (!checked.success) {
      setError(checked.errors.to);
      return;
    }
    setError(undefined);
    try {
      const queued = await send(checked.data.to);
      showToast(
        queued.status === 'held'
          ? 'Message de test gardé dans la file : le courriel n’est pas configuré.'
          : `Message de test en cours d’envoi à ${queued.to}.`,
      );
      setTo('');
      props.onSent();
    } catch (caught) {
      setError(fieldErrors(caught).to ?? errorMessage(caught));
    }
  }

  return (
    <form class="card form" onSubmit={submit} noValidate>
      <h2>Envoyer un message de test</h2>
      <Field label="Adresse de destination" for="mail-test-to" error={error()}>
        <Input
          id="mail-test-to"
          type="email"
          value={to()}
          error={error()}
          autocomplete="email"
          onInput={(event) => setTo(event.currentTarget.value)}
        />
      </Field>
      <Button
        type="submit"
        variant="primary"
        isLoading={Boolean(submission.pending)}
        disabled={!to().trim()}
      >
        Envoyer un message de test
      </Button>
    </form>
  );
}
