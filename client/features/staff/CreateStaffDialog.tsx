import { useAction, useSubmission } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { ROLE_LABELS, ROLES, StaffCreateSchema } from '../../../domain/schemas/staff';
import { type FieldErrors, validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input, Select } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { createStaff } from './staff.api';
import { ROLE_HINTS, toStaffErrors } from './staff-errors';

/** A new account; the list shows it from the change the save produces. */
export function CreateStaffDialog(props: { open: boolean; onClose: () => void }) {
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const create = useAction(createStaff);
  const submission = useSubmission(createStaff);
  let form!: HTMLFormElement;

  /** Escape or Annuler hide the form as typed: opening it again finds it so, nothing lost. */
  function close() {
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
      form.reset();
      setErrors({});
      close();
    } catch (caught) {
      setErrors(toStaffErrors(caught).errors);
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
