import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { canAdminister } from '../../../domain/access';
import { useSession } from '../../lib/session';

/** The settings' sections; staff accounts and wall screens are for admins. */
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
      <Show when={canAdminister(session.user()?.role)}>
        <A href="/settings/staff" activeClass="active">
          Personnel
        </A>
        <A href="/settings/displays" activeClass="active">
          Écrans
        </A>
        <A href="/settings/mail" activeClass="active">
          Courriels
        </A>
        <A href="/settings/journal" activeClass="active">
          Journal
        </A>
      </Show>
    </nav>
  );
}
