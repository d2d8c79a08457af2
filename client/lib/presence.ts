import { createEffect, on, onCleanup } from 'solid-js';
import { useLive, type ViewedEntity } from './live';
import { useSession } from './session';

export type Viewer = { name: string; isEditing: boolean };

/**
 * Tells the others this screen views (or edits) a record, and who else does: the one presence
 * hook every record screen uses (shown with `<PresenceNote>`).
 */
export function usePresence(
  entity: ViewedEntity,
  id: () => string,
  isEditing: () => boolean,
): () => Viewer[] {
  const live = useLive();
  const session = useSession();
  let viewed = id();
  createEffect(
    on([id, isEditing], ([next, editing]) => {
      viewed = next;
      live.view(entity, next, editing);
    }),
  );
  onCleanup(() => live.leave(entity, viewed));
  return () =>
    live
      .presence()
      .filter((entry) => entry.staffId !== session.user()?.id)
      .flatMap((entry) =>
        entry.views
          .filter((view) => view.entity === entity && view.id === id())
          .map((view) => ({ name: entry.name, isEditing: view.editing })),
      );
}
