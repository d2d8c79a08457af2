import { createAsync, useAction } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import type { Staff, StaffUpdate } from '../../../domain/schemas/staff';
import { createLiveList } from '../../lib/live-list';
import { useSession } from '../../lib/session';
import type { FieldErrors } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { Table } from '../../ui/Table';
import { showToast } from '../../ui/toast';
import { CreateStaffDialog } from './CreateStaffDialog';
import { EditStaffDialog } from './EditStaffDialog';
import { StaffRow } from './StaffRow';
import { getStaff, updateStaff } from './staff.api';
import { toStaffErrors } from './staff-errors';

/** The server's order: name, then id. */
const byName = (a: Staff, b: Staff) =>
  a.name.localeCompare(b.name, 'fr') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The accounts, live (`staff` changes: an account created, deactivated or given a role on another
 * admin's screen shows here at once), and what an admin does with them.
 */
export function StaffTeam() {
  const session = useSession();
  const staff = createAsync(() => getStaff());
  const team = createLiveList({
    entity: 'staff',
    firstPage: staff,
    place: (change) => ({ item: change.data, isListed: true }),
    compare: byName,
  });
  const save = useAction(updateStaff);
  const [isCreating, setCreating] = createSignal(false);
  const [editing, setEditing] = createSignal<{ member: Staff; mode: 'role' | 'password' } | null>(
    null,
  );
  const [toggling, setToggling] = createSignal<Staff | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  /** Saves one change; field errors for the dialog, or null once done. */
  async function update(member: Staff, change: Omit<StaffUpdate, 'version'>) {
    setError(null);
    try {
      await save(member.id, { ...change, version: member.version });
      showToast(
        change.active === false
          ? `${member.name} est désactivé et déconnecté.`
          : change.active === true
            ? `${member.name} peut de nouveau se connecter.`
            : 'Compte mis à jour.',
      );
      return null;
    } catch (caught) {
      const refused = toStaffErrors(caught);
      // Someone changed this account meanwhile: the dialog retries on the version shown now.
      const current = refused.current;
      if (current)
        setEditing((open) =>
          open?.member.id === current.id ? { ...open, member: current } : open,
        );
      return refused.errors;
    }
  }

  function toggle(member: Staff) {
    void update(member, { active: !member.active }).then((failed: FieldErrors | null) => {
      if (failed) setError(failed.form ?? Object.values(failed)[0] ?? null);
    });
  }

  return (
    <>
      <header class="page-header">
        <div>
          <h1>Personnel</h1>
          <p class="page-lead">
            Comptes du garage. Désactiver un compte le déconnecte aussitôt de tous ses postes.
          </p>
        </div>
        <Button variant="primary" onClick={() => setCreating(true)}>
          Nouveau compte
        </Button>
      </header>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <ErrorBoundary fallback={(caught, reset) => <ErrorMessage error={caught} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des comptes…" />}>
          <Show when={staff()}>
            <Show when={team.items().length > 0} fallback={<EmptyState title="Aucun compte." />}>
              <Table class="staff-table" label="Comptes du personnel">
                <thead>
                  <tr>
                    <th scope="col">Nom</th>
                    <th scope="col">Rôle</th>
                    <th scope="col">État</th>
                    <th scope="col" class="hide-narrow">
                      Dernière connexion
                    </th>
                    <th scope="col">
                      <span class="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={team.items()}>
                    {(member) => (
                      <StaffRow
                        member={member}
                        isMe={member.id === session.user()?.id}
                        changedBy={team.changedBy(member.id)}
                        onEdit={(mode) => setEditing({ member, mode })}
                        onToggleActive={() => setToggling(member)}
                      />
                    )}
                  </For>
                </tbody>
              </Table>
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
      <CreateStaffDialog open={isCreating()} onClose={() => setCreating(false)} />
      <EditStaffDialog
        member={editing()?.member ?? null}
        mode={editing()?.mode ?? 'password'}
        onClose={() => setEditing(null)}
        onSave={update}
      />
      <ConfirmDialog
        open={toggling() !== null}
        title={`${toggling()?.active ? 'Désactiver' : 'Réactiver'} le compte de ${toggling()?.name ?? ''} ?`}
        message={
          toggling()?.active
            ? 'La personne est déconnectée immédiatement de tous ses postes et ne peut plus se connecter. Son historique est conservé.'
            : 'La personne pourra de nouveau se connecter avec son mot de passe.'
        }
        confirmLabel={toggling()?.active ? 'Désactiver' : 'Réactiver'}
        tone={toggling()?.active ? 'danger' : 'primary'}
        onConfirm={() => {
          const member = toggling();
          if (member) toggle(member);
        }}
        onClose={() => setToggling(null)}
      />
    </>
  );
}
