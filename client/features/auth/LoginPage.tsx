import { Navigate, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { LoginSchema } from '../../../domain/schemas/staff';
import { api, call, errorMessage } from '../../lib/api';
import { useSession } from '../../lib/session';
import { type FieldErrors, validateAll } from '../../lib/validate';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { toSameSitePath } from './safe-next';

function safeNext(next: string | undefined): string {
  return toSameSitePath(next, window.location.origin);
}

export function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string }>();
  const [error, setError] = createSignal<string | null>(null);
  const [errors, setErrors] = createSignal<FieldErrors>({});
  const [isSubmitting, setSubmitting] = createSignal(false);

  async function submit(element: HTMLFormElement) {
    const form = new FormData(element);
    const parsed = validateAll(LoginSchema, {
      email: String(form.get('email') ?? ''),
      password: String(form.get('password') ?? ''),
    });
    setError(null);
    setErrors(parsed.success ? {} : parsed.errors);
    if (!parsed.success) return;
    setSubmitting(true);
    try {
      // The server's message is shown as is: wrong credentials, or 429 "Trop de tentatives…".
      const { user } = await call(api.auth.login.$post({ json: parsed.data }));
      session.signedIn(user);
      navigate(safeNext(params.next), { replace: true });
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Show when={!session.user()} fallback={<Navigate href={safeNext(params.next)} />}>
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
            <h1>GestionPro</h1>
          </div>
          <p class="auth-lead">Connectez-vous pour ouvrir le tableau du garage.</p>
          <Show when={error()}>
            <div class="alert alert-error" role="alert">
              {error()}
            </div>
          </Show>
          <Field label="E-mail" for="login-email" error={errors().email}>
            <Input
              id="login-email"
              name="email"
              type="email"
              autocomplete="username"
              error={errors().email}
              autofocus
            />
          </Field>
          <Field label="Mot de passe" for="login-password" error={errors().password}>
            <Input
              id="login-password"
              name="password"
              type="password"
              autocomplete="current-password"
              error={errors().password}
            />
          </Field>
          <Button type="submit" variant="primary" isLoading={isSubmitting()} class="btn-block">
            Se connecter
          </Button>
        </form>
      </div>
    </Show>
  );
}
