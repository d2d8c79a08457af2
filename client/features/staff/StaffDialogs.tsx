import { useAction, useSubmission } from '@solidjs/router';
import { createEffect, createSignal, For, Show } from 'solid-js';
import {
  ROLE_LABELS,
  ROLES,
  type Role,
  type Staff,
  StaffCreateSchema,
  StaffUpdateSchema,
} from '../../../domain/schemas/staff';
import { errorMessage, fieldErrors } from '../../lib/api';
import { type FieldErrors, validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input, Select } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { createStaff } from './staff.api';

export const ROLE_HINTS: Record<Role, string> = {
  admin: 'Tout, plus les comptes et les paramètres du garage.',
  staff: 'Clients, véhicules, devis et alertes.',
  display: 'L’écran de l’atelier : tableau et activité en direct, en lecture seule.',
};

/** Server errors as field errors, or the message on the form when no field is named. */
export function toErrors(caught: unknown): FieldErrors {
  const byField = fieldErrors(caught);
  return Object.keys(byField).length > 0 ? byField : { form: errorMessage(caught) };
}

export function CreateStaffDialog(props: { open: boolean; onClose: () => void }) {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const create = useAction(createStaff);
  const submission = useSubmission(createStaff);
  let form!: HTMLFormElement;

  function close() {
    form.reset();
    setErrors({});
    props.onClose();
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(form);
    const parsed = validateAll(StaffCreateSchema, {
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? ''),
      role: String(data.get('role') ?? ''),
      password: String(data.get('password') ?? ''),
    });
    if (!parsed.success) {
      setErrors(parsed.errors);
      return;
    }
    try {
      await create(parsed.data);
      showToast(`Compte créé pour ${parsed.data.name}.`);
      close();
    } catch (caught) {
      setErrors(toErrors(caught));
    }
  }

  return (
    <Dialog open={props.open} title="Nouveau compte" onClose={close}>
      <form ref={form} class="form" onSubmit={submit} noValidate>
        <Show when={errors().form}>
          <div class="alert alert-error" role="alert">
            {errors().form}
          </div>
        </Show>
        <Field label="Nom" for="staff-name" error={errors().name}>
          <Input id="staff-name" name="name" autocomplete="off" error={errors().name} />
        </Field>
        <Field label="E-mail" for="staff-email" error={errors().email}>
          <Input
            id="staff-email"
            name="email"
            type="email"
            autocomplete="off"
            error={errors().email}
          />
        </Field>
        <Field label="Rôle" for="staff-role" error={errors().role}>
          <Select id="staff-role" name="role" error={errors().role}>
            <For each={ROLES}>
              {(role) => (
                <option value={role} selected={role === 'staff'}>
                  {ROLE_LABELS[role]} — {ROLE_HINTS[role]}
                </option>
              )}
            </For>
          </Select>
        </Field>
        <Field
          label="Mot de passe provisoire"
          for="staff-password"
          error={errors().password}
          hint="10 caractères au moins. À changer par la personne."
        >
          <Input
            id="staff-password"
            name="password"
            type="password"
            autocomplete="new-password"
            error={errors().password}
          />
        </Field>
        <div class="dialog-actions">
          <Button onClick={close}>Annuler</Button>
          <Button type="submit" variant="primary" isLoading={Boolean(submission.pending)}>
            Créer le compte
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

type Update = { role?: Role; password?: string };

/** Change one account's role or password; both sign the person out everywhere. */
export function EditStaffDialog(props: {
  member: Staff | null;
  mode: 'role' | 'password';
  onClose: () => void;
  onSave: (member: Staff, changes: Update) => Promise<FieldErrors | null>;
}) {
  const [role, setRole] = createSignal<Role>('staff');
  const [password, setPassword] = createSignal('');
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [isSubmitting, setSubmitting] = createSignal(false);
  createEffect(() => {
    if (props.member) {
      setRole(props.member.role);
      setPassword('');
      setErrors({});
    }
  });

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const member = props.member;
    if (!member) return;
    const changes: Update = props.mode === 'role' ? { role: role() } : { password: password() };
    const parsed = validateAll(StaffUpdateSchema, { version: member.version, ...changes });
    if (!parsed.success) {
      setErrors(parsed.errors);
      return;
    }
    setSubmitting(true);
    const failed = await props.onSave(member, changes);
    setSubmitting(false);
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
            <p class="field-hint">Changer le rôle déconnecte la personne de tous ses postes.</p>
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
