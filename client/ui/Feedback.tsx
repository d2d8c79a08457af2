import { type JSX, Show } from 'solid-js';

export function Spinner(props: { label?: string }) {
  return (
    <div class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{props.label ?? 'Chargement…'}</span>
    </div>
  );
}

export function EmptyState(props: { title: string; children?: JSX.Element }) {
  return (
    <div class="empty-state">
      <p class="empty-title">{props.title}</p>
      <Show when={props.children}>
        <div class="empty-body">{props.children}</div>
      </Show>
    </div>
  );
}

export function ErrorMessage(props: { error: unknown; retry?: () => void }) {
  const message = () =>
    props.error instanceof Error ? props.error.message : 'Une erreur est survenue.';
  return (
    <div class="alert alert-error" role="alert">
      <span>{message()}</span>
      <Show when={props.retry}>
        <button type="button" class="btn btn-ghost" onClick={() => props.retry?.()}>
          Réessayer
        </button>
      </Show>
    </div>
  );
}

export function Badge(props: {
  tone?: 'neutral' | 'info' | 'success' | 'warning' | 'danger';
  children: JSX.Element;
}) {
  return <span class={`badge badge-${props.tone ?? 'neutral'}`}>{props.children}</span>;
}
