import { createResource, createSignal, For, Show } from 'solid-js';
import { getClientDisplayName } from '../../../domain/client/client-name';
import type { Client } from '../../../domain/schemas/client';
import { get, toQuery } from '../../lib/api';
import { Field } from '../../ui/Field';

/** Search a client by name, phone or city, and pick one. */
export function ClientPicker(props: {
  id: string;
  label: string;
  selectedId?: string;
  onPick: (client: Client) => void;
}) {
  const [query, setQuery] = createSignal('');
  const [clients] = createResource(query, (q) =>
    get<{ items: Client[] }>(`/clients${toQuery({ q, limit: 8 })}`),
  );
  return (
    <div class="client-picker">
      <Field label={props.label} for={props.id}>
        <input
          id={props.id}
          type="search"
          placeholder="Nom, téléphone, ville…"
          value={query()}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </Field>
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
    </div>
  );
}
