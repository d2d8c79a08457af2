import { For, Show } from 'solid-js';
import { initials } from '../../lib/format';
import { useLive } from '../../lib/live';
import { useSession } from '../../lib/session';

/** Who else is online, as initials; names on hover and for screen readers. */
export function OnlineList() {
  const live = useLive();
  const session = useSession();
  const others = () => live.presence().filter((entry) => entry.staffId !== session.user()?.id);
  return (
    <section class="online" aria-label="Personnes en ligne">
      <Show when={others().length > 0} fallback={<span class="online-none">Seul en ligne</span>}>
        <For each={others()}>
          {(entry) => (
            <span class={`avatar avatar-${entry.role}`} title={`${entry.name} — en ligne`}>
              {initials(entry.name)}
              <span class="visually-hidden">{entry.name} en ligne</span>
            </span>
          )}
        </For>
      </Show>
    </section>
  );
}
