import { A, revalidate, useLocation, useNavigate } from '@solidjs/router';
import { type JSX, Show } from 'solid-js';
import { canAdminister, canWrite } from '../../../domain/access';
import { ROLE_LABELS } from '../../../domain/schemas/staff';
import { initials } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { useSession } from '../../lib/session';
import { getSettings } from '../settings/settings.api';
import { AlertsNavLink } from './AlertsNavLink';
import { ConnectionBadge } from './ConnectionBadge';
import { GlobalSearch } from './GlobalSearch';
import { OnlineList } from './OnlineList';

/**
 * The frame of every signed-in screen: brand, search, who is online, the connection state and
 * the signed-in user on the first row; the sections on the second, so nothing is squeezed on a
 * tablet. The wall-screen role only sees the board.
 */
export function Shell(props: { children: JSX.Element }) {
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const user = () => session.user()!;
  // Who writes reads the records; the wall-screen role reads the board and the dashboard only.
  const mayOpenRecords = () => canWrite(user().role);
  const isAdmin = () => canAdminister(user().role);
  // "Personnel" has its own entry; "Paramètres" covers the other settings pages.
  const isSettings = () =>
    location.pathname.startsWith('/settings') && !location.pathname.startsWith('/settings/staff');
  // Company settings are read by several screens (quote editor, PDFs): keep them current.
  useChanges('settings', () => void revalidate(getSettings.key));

  async function logout() {
    await session.logout();
    navigate('/login', { replace: true });
  }

  return (
    <div class="shell">
      <header class="topbar">
        <div class="topbar-main">
          <A href="/" class="brand" end>
            <span class="brand-mark" aria-hidden="true">
              GP
            </span>
            <span class="brand-name">GestionPro</span>
          </A>
          <Show when={mayOpenRecords()}>
            <GlobalSearch />
          </Show>
          <div class="topbar-status">
            <OnlineList />
            <ConnectionBadge />
          </div>
          <div class="user" title={`${user().name} — ${ROLE_LABELS[user().role]}`}>
            <span class={`avatar avatar-${user().role}`} aria-hidden="true">
              {initials(user().name)}
            </span>
            <span class="user-text">
              <span class="user-name">{user().name}</span>
              <span class="user-role">{ROLE_LABELS[user().role]}</span>
            </span>
            <Show when={mayOpenRecords()}>
              <A href="/account" class="btn btn-ghost btn-small" activeClass="active">
                Mon compte
              </A>
            </Show>
            <button type="button" class="btn btn-ghost btn-small" onClick={() => void logout()}>
              Se déconnecter
            </button>
          </div>
        </div>
        <nav class="nav" aria-label="Navigation principale">
          <A href="/" end activeClass="active">
            Comptoir
          </A>
          <A href="/dashboard" activeClass="active">
            Tableau de bord
          </A>
          <Show when={mayOpenRecords()}>
            <A href="/clients" activeClass="active">
              Clients
            </A>
            <A href="/vehicles" activeClass="active">
              Véhicules
            </A>
            <A href="/quotes" activeClass="active">
              Devis
            </A>
            <A href="/invoices" activeClass="active">
              Factures
            </A>
            <A href="/caisse" activeClass="active">
              Caisse
            </A>
            <A href="/atelier" activeClass="active">
              Pointage
            </A>
            <AlertsNavLink />
          </Show>
          <Show when={isAdmin()}>
            <A href="/settings/staff" activeClass="active">
              Personnel
            </A>
          </Show>
          <Show when={mayOpenRecords()}>
            <A href="/settings" activeClass="nav-settings" classList={{ active: isSettings() }}>
              Paramètres
            </A>
          </Show>
        </nav>
      </header>
      <main class="main">{props.children}</main>
    </div>
  );
}
