import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Show, Suspense } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import { AlertRulesUpdateSchema, SERVICE_POLICIES } from '../../../domain/alerts/rules';
import { errorMessage, fieldErrors } from '../../lib/api';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toast';
import { SettingsNav } from '../settings/SettingsNav';
import { getAlertRules, type RulesWithSchedule, saveAlertRules } from './alerts.api';
import { describeCron } from './describe-cron';

const POLICY_LABELS = {
  restart: 'Un entretien fait en avance redémarre l’intervalle',
  keep_schedule: 'Un entretien fait en avance garde le calendrier prévu',
} as const;

const LONG_DATE = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  hour: '2-digit',
  minute: '2-digit',
});

export default function AlertRulesPage() {
  const rules = createAsync(() => getAlertRules());
  return (
    <div class="page page-narrow">
      <SettingsNav />
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner />}>
          <Show when={rules()} keyed>
            {(loaded) => <RulesForm initial={loaded} />}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

const NUMBER_FIELDS = [
  ['openDaysBefore', 'Ouvrir l’alerte (jours avant l’échéance)'],
  ['urgentDaysBefore', 'Urgente (jours avant l’échéance)'],
  ['serviceIntervalMonths', 'Entretien : tous les (mois)'],
  ['serviceIntervalKm', 'Entretien : tous les (km)'],
  ['quoteFollowUpDays', 'Relancer un devis envoyé après (jours)'],
  ['quoteExpiryWarningDays', 'Prévenir avant l’expiration d’un devis (jours)'],
  ['declinedWorkReminderDays', 'Reproposer les travaux refusés après (jours)'],
] as const;

function RulesForm(props: { initial: RulesWithSchedule }) {
  const session = useSession();
  const isAdmin = () => session.user()?.role === 'admin';
  const [values, setValues] = createStore(structuredClone(props.initial));
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isSaving, setSaving] = createSignal(false);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const { nextRuns: _n, lastRun: _l, updatedAt: _u, ...rules } = structuredClone(unwrap(values));
    const parsed = AlertRulesUpdateSchema.safeParse(rules);
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
        ),
      );
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await saveAlertRules(parsed.data);
      setValues(saved);
      setErrors({});
      showToast('Règles enregistrées ; la planification est appliquée.');
      void revalidate(getAlertRules.key);
    } catch (caught) {
      setErrors(fieldErrors(caught));
      setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form class="form" onSubmit={save} noValidate>
      <header class="page-header">
        <div>
          <h1>Règles des alertes</h1>
          <p class="page-lead">
            Contrôle technique, entretien, relances de devis : quand une alerte s’ouvre et quand la
            vérifier.
          </p>
        </div>
        <Show when={isAdmin()}>
          <Button type="submit" variant="primary" isLoading={isSaving()}>
            Enregistrer
          </Button>
        </Show>
      </header>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <section class="card form">
        <h2>Seuils</h2>
        <div class="form-grid">
          <For each={NUMBER_FIELDS}>
            {([key, label]) => (
              <Field label={label} for={`rule-${key}`} error={errors()[key]}>
                <input
                  id={`rule-${key}`}
                  inputMode="numeric"
                  value={String(values[key])}
                  disabled={!isAdmin()}
                  onInput={(event) => setValues(key, Number(event.currentTarget.value))}
                />
              </Field>
            )}
          </For>
        </div>
        <Field label="Entretien fait en avance" for="rule-policy">
          <select
            id="rule-policy"
            disabled={!isAdmin()}
            onChange={(event) => setValues('servicePolicy', event.currentTarget.value as 'restart')}
          >
            <For each={SERVICE_POLICIES}>
              {(policy) => (
                <option value={policy} selected={policy === values.servicePolicy}>
                  {POLICY_LABELS[policy]}
                </option>
              )}
            </For>
          </select>
        </Field>
      </section>
      <section class="card form">
        <h2>Vérification automatique</h2>
        <Field
          label="Planification (cron, heure de Paris)"
          for="rule-schedule"
          error={errors().schedule}
          hint={
            describeCron(values.schedule) ??
            'Expression cron à 5 champs : minute heure jour mois jour-de-semaine.'
          }
        >
          <input
            id="rule-schedule"
            class="mono"
            value={values.schedule}
            disabled={!isAdmin()}
            onInput={(event) => setValues('schedule', event.currentTarget.value)}
          />
        </Field>
        <Show when={values.nextRuns.length > 0}>
          <p class="muted">
            Prochaines vérifications :{' '}
            {values.nextRuns.map((run) => LONG_DATE.format(new Date(run))).join(' ; ')}.
          </p>
        </Show>
      </section>
    </form>
  );
}
