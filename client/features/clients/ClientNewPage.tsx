import { useAction, useNavigate, useSubmission } from '@solidjs/router';
import { createMemo, createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { errorMessage, fieldErrors } from '../../lib/api';
import { createLeaveGuard } from '../../lib/editable-record';
import type { FieldErrors } from '../../lib/validate';
import { LeaveGuardDialog } from '../../ui/Collaboration';
import { showToast } from '../../ui/toast';
import { ClientForm } from './ClientForm';
import { EMPTY_CLIENT, isSameClientValues, toClientInput } from './client-values';
import { createClient } from './clients.api';

export default function ClientNewPage() {
  const navigate = useNavigate();
  const [values, setValues] = createStore(structuredClone(EMPTY_CLIENT));
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isCreated, setCreated] = createSignal(false);
  const create = useAction(createClient);
  const submission = useSubmission(createClient);
  const isDirty = createMemo(() => !isCreated() && !isSameClientValues(values, EMPTY_CLIENT));
  const guard = createLeaveGuard(isDirty);

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
          values={values}
          setValues={setValues}
          isDirty={isDirty()}
          submitLabel="Créer le client"
          serverErrors={errors()}
          isSubmitting={Boolean(submission.pending)}
          onCancel={() => {
            setCreated(true);
            navigate('/clients');
          }}
          onSubmit={async (input) => {
            setError(null);
            try {
              const client = await create(toClientInput(input));
              setCreated(true);
              showToast('Client créé.');
              navigate(`/clients/${client.id}`);
            } catch (caught) {
              setErrors(fieldErrors(caught));
              setError(errorMessage(caught));
            }
          }}
        />
      </div>
      <LeaveGuardDialog guard={guard} />
    </div>
  );
}
