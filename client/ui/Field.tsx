import { type JSX, Show } from 'solid-js';

/** A labelled form field with its error under it; the input comes as the child. */
export function Field(props: {
  label: string;
  for: string;
  error?: string | undefined;
  hint?: string;
  class?: string;
  children: JSX.Element;
}) {
  return (
    <div class={`field ${props.error ? 'field-invalid' : ''} ${props.class ?? ''}`}>
      <label for={props.for}>{props.label}</label>
      {props.children}
      <Show
        when={props.error}
        fallback={
          <Show when={props.hint}>
            <p class="field-hint">{props.hint}</p>
          </Show>
        }
      >
        <p class="field-error" id={`${props.for}-error`} role="alert">
          {props.error}
        </p>
      </Show>
    </div>
  );
}
