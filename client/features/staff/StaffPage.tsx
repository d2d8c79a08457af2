import { createAsync, revalidate, useAction } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { ROLE_LABELS, type Role, type Staff } from '../../../domain/schemas/staff';
import { formatDateTime } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { useSession } from '../../lib/session';
import type { FieldErrors } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { Badge, EmptyState, ErrorMessage, Spinner } from '../../ui/Feedback';
import { Table } from '../../ui/Table';
import { showToast } from '../../ui/toast';
import { SettingsNav } from '../settings/SettingsNav';
import { CreateStaffDialog, EditStaffDialog, toErrors } from './StaffDialogs';
import { getStaff, updateStaff } from './staff.api';

const ROLE_TONES = { admin: 'info', staff: 'neutral', display: 'warning' } as const;

/** Admins manage the team: accounts, roles, deactivation (which signs the person out at once). */
export default function StaffPage() {
  const session = useSession();
  const staff = createAsync(() => getStaff());
  const [isCreating, setCreating] = createSignal(false);
  const [editing, setEditing] = createSignal<{ member: Staff; mode: 'role' | 'password' } | null>(
    null,
  );
  const [toggling, setToggling] = createSignal<Staff | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const isMe = (member: Staff) => member.id === session.user()?.id;
  const save = useAction(updateStaff);
  useChanges((change) => {
    if (change.entity === 'staff') void revalidate(getStaff.key);
  });

  /** Saves one change; returns field errors for the dialog, or null when done. */
  async function update(
    member: Staff,
    changes: { role?: Role; active?: boolean; password?: string },
  ): Promise<FieldErrors | null> {
    setError(null);
    try {
      await save(member.id, { version: member.version, ...changes });
      showToast(
        changes.active === false
          ? `${member.name} est désactivé et déconnecté.`
          : changes.active === true
            ? `${member.name} peut de nouveau se connecter.`
            : 'Compte mis à jour.',
      );
      return null;
    } catch (caught) {
      return toErrors(caught);
    } finally {
      void revalidate(getStaff.key);
    }
  }

  return (
    <div class="page">
      <SettingsNav />
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
          <Show
            when={(staff()?.items.length ?? 0) > 0}
            fallback={<EmptyState title="Aucun compte." />}
          >
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
                <For each={staff()?.items}>
                  {(member) => (
                    <tr class={member.active ? '' : 'row-muted'}>
                      <td>
                        <span class="cell-title">
                          {member.name}
                          <Show when={isMe(member)}>
                            <span class="muted"> (vous)</span>
                          </Show>
                        </span>
                        <span class="cell-detail">{member.email}</span>
                      </td>
                      <td>
                        <Badge tone={ROLE_TONES[member.role]}>{ROLE_LABELS[member.role]}</Badge>
                      </td>
                      <td>
                        <Show
                          when={member.active}
                          fallback={<Badge tone="danger">Désactivé</Badge>}
                        >
                          <Badge tone="success">Actif</Badge>
                        </Show>
                      </td>
                      <td class="hide-narrow">
                        {member.lastLoginAt ? formatDateTime(member.lastLoginAt) : 'Jamais'}
                      </td>
                      <td>
                        <div class="row-actions">
                          <Show when={!isMe(member)}>
                            <Button
                              class="btn-small"
                              aria-label={`Changer le rôle de ${member.name}`}
                              onClick={() => setEditing({ member, mode: 'role' })}
                            >
                              Rôle
                            </Button>
                          </Show>
                          <Button
                            class="btn-small"
                            aria-label={`Nouveau mot de passe pour ${member.name}`}
                            onClick={() => setEditing({ member, mode: 'password' })}
                          >
                            Mot de passe
                          </Button>
                          <Show when={!isMe(member)}>
                            <Button
                              class="btn-small"
                              variant={member.active ? 'danger' : 'secondary'}
                              onClick={() => setToggling(member)}
                            >
                              {member.active ? 'Désactiver' : 'Réactiver'}
                            </Button>
                          </Show>
                        </div>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </Table>
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
        title={
          toggling()?.active
            ? `Désactiver le compte de ${toggling()?.name} ?`
            : `Réactiver le compte de ${toggling()?.name} ?`
        }
        message={
          toggling()?.active
            ? 'La personne est déconnectée immédiatement de tous ses postes et ne peut plus se connecter. Son historique est conservé.'
            : 'La personne pourra de nouveau se connecter avec son mot de passe.'
        }
        confirmLabel={toggling()?.active ? 'Désactiver' : 'Réactiver'}
        tone={toggling()?.active ? 'danger' : 'primary'}
        onConfirm={() => {
          const member = toggling();
          if (!member) return;
          void update(member, { active: !member.active }).then((failed) => {
            if (failed) setError(failed.form ?? Object.values(failed)[0] ?? null);
          });
        }}
        onClose={() => setToggling(null)}
      />
    </div>
  );
}
