import { For, type JSX, Show } from 'solid-js';

/** One card of the vehicle's history: a titled list, or a word when it is empty. */
export function VehicleHistorySection<T>(props: {
  id: string;
  title: string;
  empty: string;
  items: readonly T[];
  children: (item: T) => JSX.Element;
}) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <Show when={props.items.length > 0} fallback={<p class="muted">{props.empty}</p>}>
        <ul class="vehicle-history-list">
          <For each={props.items}>{(item) => <li>{props.children(item)}</li>}</For>
        </ul>
      </Show>
    </section>
  );
}
