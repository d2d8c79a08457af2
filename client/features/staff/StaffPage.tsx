import { Show } from 'solid-js';
import { canAdminister } from '../../../domain/access';
import { useSession } from '../../lib/session';
import { EmptyState } from '../../ui/Feedback';
import { SettingsNav } from '../settings/SettingsNav';
import { StaffTeam } from './StaffTeam';

/** Admins manage the team: accounts, roles, deactivation (which signs the person out at once). */
export default function StaffPage() {
  const session = useSession();
  return (
    <div class="page">
      <SettingsNav />
      <Show
        when={canAdminister(session.user()?.role)}
        fallback={
          <EmptyState title="Les comptes du personnel sont réservés aux administrateurs." />
        }
      >
        <StaffTeam />
      </Show>
    </div>
  );
}
