import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useSession } from '../../lib/session';

/** The settings' sections. */
export function SettingsNav() {
  const session = useSession();
  return (
    <nav class="tabs" aria-label="Paramètres">
      <A href="/settings" end activeClass="active">
        Garage
      </A>
      <A href="/settings/alerts" activeClass="active">
        Alertes
      </A>
      <Show when={session.user()?.role === 'admin'}>
        <A href="/settings/staff" activeClass="active">
          Personnel
        </A>
        <A href="/settings/displays" activeClass="active">
          Écrans
        </A>
      </Show>
    </nav>
  );
}
