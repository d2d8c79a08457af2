import { useAction, useNavigate, useSubmission } from '@solidjs/router';
import { Show } from 'solid-js';
import { canWrite } from '../../../domain/access';
import { errorMessage } from '../../lib/api';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { EmptyState } from '../../ui/Feedback';
import { showToast } from '../../ui/toast';
import { logoutEverywhere } from './auth.api';
import { ChangePasswordForm } from './ChangePasswordForm';

/** "Mon compte": one's own password, and leaving every device at once. */
export default function AccountPage() {
  const session = useSession();
  const navigate = useNavigate();
  const endAll = useAction(logoutEverywhere);
  const ending = useSubmission(logoutEverywhere);

  async function leaveEverywhere() {
    try {
      await endAll();
      await session.refresh().catch(() => null);
      navigate('/login', { replace: true });
    } catch (caught) {
      showToast(errorMessage(caught), 'error');
    }
  }

  return (
    <div class="page page-narrow">
      <header class="page-header">
        <div>
          <h1>Mon compte</h1>
          <p class="page-lead">{session.user()?.email}</p>
        </div>
      </header>
      <Show
        when={canWrite(session.user()?.role)}
        fallback={<EmptyState title="Ce compte d’écran n’a pas de réglages." />}
      >
        <ChangePasswordForm />
        <section class="card form">
          <h2>Se déconnecter partout</h2>
          <p>
            Ferme toutes vos sessions, sur ce poste et sur tous les autres (un téléphone perdu, un
            poste partagé) ; il faudra vous reconnecter ici aussi.
          </p>
          <Button
            variant="danger"
            isLoading={Boolean(ending.pending)}
            onClick={() => void leaveEverywhere()}
          >
            Se déconnecter partout
          </Button>
        </section>
      </Show>
    </div>
  );
}
