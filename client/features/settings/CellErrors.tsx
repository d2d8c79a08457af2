import { For, Show } from 'solid-js';
import type { FieldErrors } from '../../lib/validate';

/**
 * The errors of a table's cells, in words under the table (a cell only turns red): those at
 * `prefix` or under it, each placed by `describe` from the rest of its path (empty at `prefix`).
 */
export function CellErrors(props: {
  errors: FieldErrors;
  prefix: string;
  describe: (path: string[]) => string;
}) {
  const rows = () =>
    Object.entries(props.errors)
      .filter(([path]) => path === props.prefix || path.startsWith(`${props.prefix}.`))
      .map(([path, message]) => ({
        where: props.describe(
          path === props.prefix ? [] : path.slice(props.prefix.length + 1).split('.'),
        ),
        message,
      }));
  return (
    <Show when={rows().length > 0}>
      <ul class="settings-cell-errors" role="alert">
        <For each={rows()}>
          {(row) => (
            <li>
              {row.where} : {row.message}
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
