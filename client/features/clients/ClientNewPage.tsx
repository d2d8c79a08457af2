import { useAction, useNavigate, useSubmission } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { errorMessage, fieldErrors } from '../../lib/api';
import type { FieldErrors } from '../../lib/validate';
import { showToast } from '../../ui/toast';
import { ClientForm } from './ClientForm';
import { EMPTY_CLIENT, toClientInput } from './client-values';
import { createClient } from './clients.api';

export default function ClientNewPage() {
  const navigate = useNavigate();
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [error, setError] = createSignal<string | null>(null);
  const create = useAction(createClient);
  const submission = useSubmission(createClient);

  return (
    <div class="page page-narrow">
      <header class="page-header">
        <h1>Nouveau client</h1>
      </header>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <div class="card">
        <ClientForm
          initial={EMPTY_CLIENT}
          submitLabel="Créer le client"
          serverErrors={errors()}
          isSubmitting={Boolean(submission.pending)}
          onCancel={() => navigate('/clients')}
          onSubmit={async (values) => {
            setError(null);
            try {
              const client = await create(toClientInput(values));
              showToast('Client créé.');
              navigate(`/clients/${client.id}`);
            } catch (caught) {
              setErrors(fieldErrors(caught));
              setError(errorMessage(caught));
            }
          }}
        />
      </div>
    </div>
  );
}
