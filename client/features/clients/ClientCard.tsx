import { For, Show } from 'solid-js';
import { CIVILITY_LABELS } from '../../../domain/client/client-name';
import type { Client } from '../../../domain/schemas/client';
import { formatCalendarDate, formatPhone } from '../../lib/format';

/** A client's details, read-only. */
export function ClientCard(props: { client: Client }) {
  const c = () => props.client;
  const address = () =>
    [c().address.street, [c().address.postalCode, c().address.city].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ');
  return (
    <div class="card">
      <dl class="details">
        <Show when={c().kind === 'business'}>
          <dt>SIRET</dt>
          <dd>{c().siret ?? '—'}</dd>
          <dt>N° de TVA</dt>
          <dd>{c().vatNumber ?? '—'}</dd>
        </Show>
        <dt>Contact</dt>
        <dd>
          {[c().civility ? CIVILITY_LABELS[c().civility!] : null, c().firstName, c().lastName]
            .filter(Boolean)
            .join(' ') || '—'}
        </dd>
        <dt>Téléphone</dt>
        <dd>
          <Show when={c().phones.length > 0} fallback="—">
            <For each={c().phones}>
              {(phone) => (
                <a href={`tel:${phone}`} class="phone">
                  {formatPhone(phone)}
                </a>
              )}
            </For>
          </Show>
        </dd>
        <dt>E-mail</dt>
        <dd>{c().email ? <a href={`mailto:${c().email}`}>{c().email}</a> : '—'}</dd>
        <dt>Adresse</dt>
        <dd>{address() || '—'}</dd>
        <dt>Rappels</dt>
        <dd>{c().consentReminders ? 'Accepte les rappels' : 'Ne souhaite pas de rappels'}</dd>
        <dt>Notes</dt>
        <dd class="notes">{c().notes ?? '—'}</dd>
        <dt>Client depuis</dt>
        <dd>{formatCalendarDate(c().createdAt.slice(0, 10))}</dd>
      </dl>
    </div>
  );
}
