import { For } from 'solid-js';
import { ALERT_KIND_LABELS, ALERT_KINDS } from '../../../domain/schemas/alert';
import { type InboxFilters, type InboxView, VIEW_PARAMS } from './inbox';

const VIEW_LABELS: Record<InboxView, string> = {
  todo: 'À traiter',
  snoozed: 'Reportées',
  resolved: 'Résolues',
};
const VIEWS: InboxView[] = ['todo', 'snoozed', 'resolved'];

type Params = { status?: string; kind?: string; assignee?: string };

/** The view, the kind and the assignee, kept in the URL (Back and reload keep them). */
export function AlertFilters(props: { filters: InboxFilters; onChange: (params: Params) => void }) {
  return (
    <div class="toolbar">
      <select
        aria-label="Statut"
        onChange={(event) => {
          const view = VIEWS.find((known) => known === event.currentTarget.value) ?? 'todo';
          props.onChange({ status: VIEW_PARAMS[view] });
        }}
      >
        <For each={VIEWS}>
          {(view) => (
            <option value={view} selected={props.filters.view === view}>
              {VIEW_LABELS[view]}
            </option>
          )}
        </For>
      </select>
      <select
        aria-label="Type d’alerte"
        onChange={(event) => props.onChange({ kind: event.currentTarget.value || undefined })}
      >
        <option value="">Tous les types</option>
        <For each={ALERT_KINDS}>
          {(kind) => (
            <option value={kind} selected={props.filters.kind === kind}>
              {ALERT_KIND_LABELS[kind]}
            </option>
          )}
        </For>
      </select>
      <select
        aria-label="Assignée à"
        onChange={(event) => props.onChange({ assignee: event.currentTarget.value || undefined })}
      >
        <option value="">Toute l’équipe</option>
        <option value="me" selected={props.filters.assignee === 'me'}>
          Moi
        </option>
        <option value="none" selected={props.filters.assignee === 'none'}>
          Personne
        </option>
      </select>
    </div>
  );
}
