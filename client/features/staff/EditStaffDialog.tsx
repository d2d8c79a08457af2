import { createEffect, createSignal, For, on, Show } from 'solid-js';
import {
  ROLE_LABELS,
  ROLES,
  type Role,
  type Staff,
  StaffUpdateSchema,
} from '../../../domain/schemas/staff';
import { type FieldErrors, validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { ROLE_HINTS } from './staff-errors';

export type StaffChange = { role?: Role; password?: string };

/** Change one account's role or password; both sign the person out everywhere. */
export function EditStaffDialog(props: {
  member: Staff | null;
  mode: 'role' | 'password';
  onClose: () => void;
  /** Field errors (or `form`) when refused, null once saved. */
  onSave: (member: Staff, change: StaffChange) => Promise<FieldErrors | null>;
}) {
  const [role, setRole] = createSignal<Role>('staff');
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [isSubmitting, setSubmitting] = createSignal(false);
  // A fresh form per account opened; a newer version of the same account keeps what was typed.
  createEffect(
    on(
      () => props.member?.id,
      () => {
        if (!props.member) return;
        setRole(props.member.role);
        setPassword('');
        setErrors({});
      },
    ),
  );

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const member = props.member;
    if (!member) return;
    const change: StaffChange = props.mode === 'role' ? { role: role() } : { password: password() };
    const parsed = validateAll(StaffUpdateSchema, { version: member.version, ...change });
    if (!parsed.success) {
      setErrors(parsed.errors);
      return;
    }
    setSubmitting(true);
    const failed = await props.onSave(member, change).finally(() => setSubmitting(false));
    if (failed) setErrors(failed);
    else props.onClose();
  }

  const title = () =>
    `${props.mode === 'role' ? 'Rôle' : 'Nouveau mot de passe'} — ${props.member?.name ?? ''}`;
  return (
    <Dialog open={props.member !== null} title={title()} onClose={props.onClose}>
      <form class="form" onSubmit={submit} noValidate>
        <Show when={errors().form}>
          <div class="alert alert-error" role="alert">
            {errors().form}
          </div>
        </Show>
        <Show
          when={props.mode === 'role'}
          fallback={
            <Field
              label="Mot de passe"
              for="reset-password"
              error={errors().password}
              hint="10 caractères au moins. La personne sera déconnectée de tous ses postes."
            >
              <Input
                id="reset-password"
                type="password"
                autocomplete="new-password"
                value={password()}
                error={errors().password}
                onInput={(event) => setPassword(event.currentTarget.value)}
              />
            </Field>
          }
        >
          <fieldset class="role-choice">
            <legend>Rôle</legend>
            <For each={ROLES}>
              {(value) => (
                <label class="radio-card" classList={{ selected: role() === value }}>
                  <input
                    type="radio"
                    name="role"
                    value={value}
                    checked={role() === value}
                    onChange={() => setRole(value)}
                  />
                  <span>
                    <strong>{ROLE_LABELS[value]}</strong>
                    <span class="muted">{ROLE_HINTS[value]}</span>
                  </span>
                </label>
              )}
            </For>
            <p class="field-hint">
              Changer le rôle déconnecte la personne de tous ses postes.
              <Show when={props.member && props.member.role !== role()}>
                {' '}
                Rôle actuel : {ROLE_LABELS[props.member?.role ?? 'staff']}.
              </Show>
            </p>
          </fieldset>
        </Show>
        <div class="dialog-actions">
          <Button onClick={() => props.onClose()}>Annuler</Button>
          <Button type="submit" variant="primary" isLoading={isSubmitting()}>
            Enregistrer
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
