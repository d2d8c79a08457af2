import { createResource, createSignal, For, onCleanup, Show, Suspense } from 'solid-js';
import { getClientDisplayName } from '../../../domain/client/client-name';
import type { Client } from '../../../domain/schemas/client';
import { Spinner } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { searchClients } from './clients.api';

const DEBOUNCE_MS = 200;

/**
 * Search a client by name, phone or city, and pick one. The results load under their own
 * Suspense: the page's would swap the whole dialog for its spinner at each keystroke, and the
 * input with it (the search kept only the first letter typed).
 */
export function ClientPicker(props: {
  id: string;
  label: string;
  selectedId?: string;
  onPick: (client: Client) => void;
}) {
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const [clients] = createResource(query, (q) => searchClients(q));
  return (
    <div class="client-picker">
      <Field label={props.label} for={props.id}>
        <input
          id={props.id}
          type="search"
          placeholder="Nom, téléphone, ville…"
          autocomplete="off"
          value={text()}
          onInput={(event) => {
            setText(event.currentTarget.value);
            clearTimeout(timer);
            timer = setTimeout(() => setQuery(text().trim()), DEBOUNCE_MS);
          }}
        />
      </Field>
      <Suspense fallback={<Spinner label="Recherche…" />}>
        <Show
          when={(clients()?.items.length ?? 0) > 0}
          fallback={<p class="muted">Aucun client trouvé.</p>}
        >
          <ul class="picker" aria-label="Clients trouvés">
            <For each={clients()?.items}>
              {(client) => (
                <li>
                  <button
                    type="button"
                    class={`btn btn-ghost ${props.selectedId === client.id ? 'active' : ''}`}
                    aria-pressed={props.selectedId === client.id}
                    onClick={() => props.onPick(client)}
                  >
                    {getClientDisplayName(client)}
                    {client.address.city ? ` — ${client.address.city}` : ''}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Suspense>
    </div>
  );
}
