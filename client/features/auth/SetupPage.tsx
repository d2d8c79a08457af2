import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { SetupSchema } from '../../../domain/schemas/staff';
import { api, call, errorMessage, fieldErrors } from '../../lib/api';
import { useSession } from '../../lib/session';
import { validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';

/** First start without ADMIN_EMAIL: the owner creates the admin account from the printed link. */
export default function SetupPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ token?: string }>();
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isSubmitting, setSubmitting] = createSignal(false);

  async function submit(element: HTMLFormElement) {
    const form = new FormData(element);
    const values = {
      token: params.token ?? '',
      name: String(form.get('name') ?? ''),
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    };
    const parsed = validateAll(SetupSchema, values);
    if (!parsed.success) {
      setErrors(parsed.errors);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const { user } = await call(api.auth.setup.$post({ json: parsed.data }));
      session.signedIn(user);
      navigate('/', { replace: true });
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <div class="auth-page">
      <form
        class="auth-card"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget);
        }}
        noValidate
      >
        <div class="auth-brand">
          <span class="brand-mark">GP</span>
          <h1>Bienvenue dans GestionPro</h1>
        </div>
        <p class="auth-lead">Créez le compte administrateur du garage.</p>
        <Show when={!params.token}>
          <div class="alert alert-error">
            Ce lien est incomplet : ouvrez celui affiché au démarrage du serveur.
          </div>
        </Show>
        <Show when={error()}>
          <div class="alert alert-error" role="alert">
            {error()}
          </div>
        </Show>
        <Field label="Votre nom" for="setup-name" error={errors().name}>
          <Input id="setup-name" name="name" autocomplete="name" error={errors().name} autofocus />
        </Field>
        <Field label="E-mail" for="setup-email" error={errors().email}>
          <Input
            id="setup-email"
            name="email"
            type="email"
            autocomplete="username"
            error={errors().email}
          />
        </Field>
        <Field
          label="Mot de passe"
          for="setup-password"
          error={errors().password}
          hint="10 caractères au moins."
        >
          <Input
            id="setup-password"
            name="password"
            type="password"
            autocomplete="new-password"
            error={errors().password}
          />
        </Field>
        <Button type="submit" variant="primary" isLoading={isSubmitting()} class="btn-block">
          Créer le compte
        </Button>
      </form>
    </div>
  );
}
