import { useAction, useSubmission } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { PasswordChangeSchema } from '../../../domain/schemas/staff';
import { errorMessage, fieldErrors } from '../../lib/api';
import { useSession } from '../../lib/session';
import { type FieldErrors, validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import { changeMyPassword } from './auth.api';

/** The current password, then the new one twice; the server's schema decides what is allowed. */
export function ChangePasswordForm() {
  const session = useSession();
  const change = useAction(changeMyPassword);
  const submission = useSubmission(changeMyPassword);
  const [errors, setErrors] = createSignal<FieldErrors>({});

  async function submit(element: HTMLFormElement) {
    const form = new FormData(element);
    const input = {
      currentPassword: String(form.get('currentPassword') ?? ''),
      newPassword: String(form.get('newPassword') ?? ''),
    };
    const checked = validateAll(PasswordChangeSchema, input);
    const found: FieldErrors = checked.success ? {} : { ...checked.errors };
    if (!found.newPassword && input.newPassword !== String(form.get('confirmation') ?? '')) {
      found.confirmation = 'Les deux saisies du nouveau mot de passe diffèrent.';
    }
    setErrors(found);
    if (!checked.success || Object.keys(found).length > 0) return;
    try {
      const { user } = await change(checked.data);
      session.signedIn(user);
      element.reset();
      showToast('Mot de passe changé. Vos autres sessions sont fermées.');
    } catch (caught) {
      const byField = fieldErrors(caught);
      if (Object.keys(byField).length > 0) setErrors(byField);
      else showToast(errorMessage(caught), 'error');
    }
  }

  return (
    <form
      class="card form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit(event.currentTarget);
      }}
      noValidate
    >
      <h2>Changer mon mot de passe</h2>
      <Field label="Mot de passe actuel" for="account-current" error={errors().currentPassword}>
        <Input
          id="account-current"
          name="currentPassword"
          type="password"
          autocomplete="current-password"
          error={errors().currentPassword}
        />
      </Field>
      <Field
        label="Nouveau mot de passe"
        for="account-new"
        hint="Au moins 10 caractères ; une phrase de quelques mots convient bien."
        error={errors().newPassword}
      >
        <Input
          id="account-new"
          name="newPassword"
          type="password"
          autocomplete="new-password"
          error={errors().newPassword}
        />
      </Field>
      <Field
        label="Nouveau mot de passe, encore"
        for="account-confirm"
        error={errors().confirmation}
      >
        <Input
          id="account-confirm"
          name="confirmation"
          type="password"
          autocomplete="new-password"
          error={errors().confirmation}
        />
      </Field>
      <Button type="submit" variant="primary" isLoading={Boolean(submission.pending)}>
        Changer le mot de passe
      </Button>
    </form>
  );
}
