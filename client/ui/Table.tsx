import type { JSX } from 'solid-js';

/**
 * A data table that scrolls sideways inside its card when a tablet is too narrow for it, instead
 * of pushing the page wider. Columns marked `class="hide-narrow"` give way first.
 */
export function Table(props: { class?: string; label?: string; children: JSX.Element }) {
  return (
    <div class="table-wrap">
      <table class={`table ${props.class ?? ''}`} aria-label={props.label}>
        {props.children}
      </table>
    </div>
  );
}
