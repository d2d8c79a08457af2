import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { canWrite } from '../../../domain/access';
import { useSession } from '../../lib/session';
import { ActivityFeed } from './ActivityFeed';

/** The counter's home: what is happening in the garage, live. */
export default function BoardPage() {
  const session = useSession();
  const mayWrite = () => canWrite(session.user()?.role);
  return (
    <div class="page">
      <header class="page-header">
        <div>
          <h1>Bonjour {session.user()?.name}</h1>
          <p class="page-lead">Tout ce que l’équipe fait s’affiche ici en direct.</p>
        </div>
        <Show when={mayWrite()}>
          <div class="header-actions">
            <A href="/clients" class="btn btn-secondary">
              Rechercher un client
            </A>
            <A href="/clients/new" class="btn btn-primary">
              Nouveau client
            </A>
          </div>
        </Show>
      </header>
      <section class="card" aria-labelledby="feed-title">
        <h2 id="feed-title">Activité en direct</h2>
        <ActivityFeed />
      </section>
    </div>
  );
}
