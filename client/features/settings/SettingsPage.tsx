import { createAsync, revalidate } from '@solidjs/router';
import { createSignal, ErrorBoundary, For, Index, Show, Suspense } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { AppError } from '../../../domain/errors';
import { VAT_RATE_OPTIONS } from '../../../domain/quote/vat';
import {
  LOGO_MAX_BYTES,
  PRICING_METHOD_LABELS,
  PRICING_METHODS,
  type Settings,
  SettingsUpdateSchema,
} from '../../../domain/schemas/settings';
import { errorMessage, fieldErrors } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useChanges } from '../../lib/live';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toast';
import { JobsEditor } from '../quotes/JobsEditor';
import {
  computeDraftTotals,
  type DraftJob,
  emptyLine,
  newKey,
  packageToLines,
  toApiJobs,
} from '../quotes/quote-draft';
import { SettingsNav } from './SettingsNav';
import { getSettings, saveSettings } from './settings.api';
import '../quotes/quotes.css';

export default function SettingsPage() {
  const settings = createAsync(() => getSettings());
  return (
    <div class="page">
      <SettingsNav />
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement des paramètres…" />}>
          <Show when={settings()} keyed>
            {(loaded) => <SettingsForm initial={loaded} />}
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

type RateRow = {
  key: string;
  id: string;
  name: string;
  hourlyRate: string;
  method: string;
  vatRateBp: number;
};

function toRates(settings: Settings): RateRow[] {
  return settings.labourRates.map((rate) => ({
    key: newKey(),
    id: rate.id,
    name: rate.name,
    hourlyRate: (rate.hourlyRateCents / 100).toFixed(2).replace('.', ','),
    method: rate.method,
    vatRateBp: rate.vatRateBp,
  }));
}

/** A package edits like a quote's job: its name is the title, its lines the lines. */
function toPackages(settings: Settings): DraftJob[] {
  return settings.packages.map((pack) => ({
    key: newKey(),
    id: pack.id,
    title: pack.name,
    lines: packageToLines(pack),
  }));
}

function SettingsForm(props: { initial: Settings }) {
  const session = useSession();
  const isAdmin = () => session.user()?.role === 'admin';
  const [base, setBase] = createSignal(props.initial);
  const [values, setValues] = createStore(structuredClone(props.initial));
  const [rates, setRates] = createStore<RateRow[]>(toRates(props.initial));
  const [packages, setPackages] = createStore<DraftJob[]>(toPackages(props.initial));
  const [isDirty, setDirty] = createSignal(false);
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isSaving, setSaving] = createSignal(false);
  const [changedBy, setChangedBy] = createSignal<string | null>(null);
  const touch = () => setDirty(true);

  function load(next: Settings) {
    setBase(next);
    setValues(reconcile(structuredClone(next)));
    setRates(reconcile(toRates(next)));
    setPackages(reconcile(toPackages(next)));
    setDirty(false);
    setChangedBy(null);
  }

  useChanges((change) => {
    if (change.entity !== 'settings') return;
    const next = change.data as Settings;
    if (next.version <= base().version) return;
    if (isDirty()) setChangedBy(change.actor?.name ?? 'Quelqu’un');
    else load(next);
  });

  function upload(file: File | undefined) {
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) {
      setErrors({ ...errors(), 'company.logo': 'Le logo doit être une image PNG ou JPEG.' });
      return;
    }
    if (file.size > LOGO_MAX_BYTES) {
      setErrors({
        ...errors(),
        'company.logo': `Le logo doit peser au plus ${LOGO_MAX_BYTES / 1024} Ko (celui-ci : ${Math.round(file.size / 1024)} Ko).`,
      });
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      setValues('company', 'logo', String(reader.result));
      setErrors(({ 'company.logo': _, ...rest }) => rest);
      touch();
    };
    reader.readAsDataURL(file);
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const lineErrors = toApiJobs(unwrap(packages));
    if (!lineErrors.jobs) {
      setError('Un forfait a des lignes incomplètes.');
      return;
    }
    const candidate = {
      ...structuredClone(unwrap(values)),
      version: base().version,
      labourRates: rates.map((rate) => ({
        id: rate.id,
        name: rate.name,
        hourlyRateCents: Math.round(
          Number(rate.hourlyRate.replace(/\s/g, '').replace(',', '.')) * 100,
        ),
        method: rate.method,
        vatRateBp: rate.vatRateBp,
      })),
      packages: lineErrors.jobs.map((job, index) => ({
        id: packages[index]!.id ?? newKey(),
        name: job.title,
        lines: job.lines.map(({ id: _, ...line }) => line),
      })),
    };
    const { updatedAt: _, ...input } = candidate as typeof candidate & { updatedAt?: string };
    const parsed = SettingsUpdateSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]),
        ),
      );
      setError('Certaines informations sont invalides.');
      return;
    }
    setErrors({});
    setError(null);
    setSaving(true);
    try {
      load(await saveSettings(parsed.data as never));
      showToast('Paramètres enregistrés.');
      void revalidate(getSettings.key);
    } catch (caught) {
      if (caught instanceof AppError && caught.code === 'conflict') {
        setError(`${caught.message} Rechargez pour voir leurs changements.`);
      } else {
        setErrors(fieldErrors(caught));
        setError(errorMessage(caught));
      }
    } finally {
      setSaving(false);
    }
  }

  const text = (
    path:
      | 'name'
      | 'legalForm'
      | 'capital'
      | 'siret'
      | 'registry'
      | 'vatNumber'
      | 'phone'
      | 'email'
      | 'website',
    label: string,
    placeholder = '',
  ) => (
    <Field label={label} for={`company-${path}`} error={errors()[`company.${path}`]}>
      <input
        id={`company-${path}`}
        value={values.company[path] ?? ''}
        placeholder={placeholder}
        disabled={!isAdmin()}
        onInput={(event) => {
          setValues('company', path, event.currentTarget.value);
          touch();
        }}
      />
    </Field>
  );

  return (
    <form class="settings-form" onSubmit={save} noValidate>
      <header class="page-header">
        <div>
          <h1>Paramètres du garage</h1>
          <p class="page-lead">
            Ce qui s’imprime sur les devis. Dernière modification le{' '}
            {formatDateTime(base().updatedAt)}.
            <Show when={!isAdmin()}> Seul un administrateur peut les modifier.</Show>
          </p>
        </div>
        <Show when={isAdmin()}>
          <Button type="submit" variant="primary" isLoading={isSaving()} disabled={!isDirty()}>
            {isDirty() ? 'Enregistrer' : 'Enregistré'}
          </Button>
        </Show>
      </header>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <Show when={changedBy()}>
        <div class="alert alert-warning" role="status">
          {changedBy()} a modifié les paramètres pendant votre saisie : enregistrer sera refusé,
          rechargez la page pour repartir de leur version.
        </div>
      </Show>

      <section class="card">
        <h2>Identité</h2>
        <div class="form-grid">
          {text('name', 'Raison sociale')}
          {text('legalForm', 'Forme juridique', 'SARL, SAS, EI…')}
          {text('capital', 'Capital', '10 000 €')}
          {text('siret', 'SIRET', '14 chiffres')}
          {text('registry', 'RCS ou répertoire des métiers', 'RCS Lyon 123 456 789')}
          {text('vatNumber', 'N° de TVA intracommunautaire', 'FR…')}
          {text('phone', 'Téléphone')}
          {text('email', 'E-mail')}
          {text('website', 'Site web')}
        </div>
        <div class="form-grid">
          <Field label="Adresse" for="company-street" error={errors()['company.address.street']}>
            <input
              id="company-street"
              value={values.company.address.street ?? ''}
              disabled={!isAdmin()}
              onInput={(event) => {
                setValues('company', 'address', 'street', event.currentTarget.value);
                touch();
              }}
            />
          </Field>
          <Field
            label="Code postal"
            for="company-postal"
            error={errors()['company.address.postalCode']}
          >
            <input
              id="company-postal"
              value={values.company.address.postalCode ?? ''}
              disabled={!isAdmin()}
              onInput={(event) => {
                setValues('company', 'address', 'postalCode', event.currentTarget.value);
                touch();
              }}
            />
          </Field>
          <Field label="Ville" for="company-city" error={errors()['company.address.city']}>
            <input
              id="company-city"
              value={values.company.address.city ?? ''}
              disabled={!isAdmin()}
              onInput={(event) => {
                setValues('company', 'address', 'city', event.currentTarget.value);
                touch();
              }}
            />
          </Field>
        </div>
        <div class="logo-row">
          <Field
            label="Logo (PNG ou JPEG, 300 Ko au plus)"
            for="company-logo"
            error={errors()['company.logo']}
          >
            <input
              id="company-logo"
              type="file"
              accept="image/png,image/jpeg"
              disabled={!isAdmin()}
              onChange={(event) => upload(event.currentTarget.files?.[0])}
            />
          </Field>
          <Show when={values.company.logo}>
            <img class="logo-preview" src={values.company.logo!} alt="Logo du garage" />
            <Show when={isAdmin()}>
              <Button
                onClick={() => {
                  setValues('company', 'logo', null);
                  touch();
                }}
              >
                Retirer le logo
              </Button>
            </Show>
          </Show>
        </div>
        <Field
          label="Mentions de pied de page"
          for="company-footer"
          error={errors()['company.legalFooter']}
        >
          <textarea
            id="company-footer"
            rows={2}
            value={values.company.legalFooter ?? ''}
            disabled={!isAdmin()}
            onInput={(event) => {
              setValues('company', 'legalFooter', event.currentTarget.value);
              touch();
            }}
          />
        </Field>
      </section>

      <section class="card">
        <h2>TVA et devis</h2>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={values.vatExempt}
            disabled={!isAdmin()}
            onChange={(event) => {
              setValues('vatExempt', event.currentTarget.checked);
              touch();
            }}
          />
          Franchise en base de TVA : « TVA non applicable, art. 293 B du CGI »
        </label>
        <div class="form-grid">
          <Field
            label="Taux de TVA par défaut"
            for="settings-vat"
            error={errors().defaultVatRateBp}
          >
            <select
              id="settings-vat"
              disabled={!isAdmin()}
              onChange={(event) => {
                setValues('defaultVatRateBp', Number(event.currentTarget.value) as never);
                touch();
              }}
            >
              <For each={VAT_RATE_OPTIONS}>
                {(option) => (
                  <option value={option.value} selected={option.value === values.defaultVatRateBp}>
                    {option.label}
                  </option>
                )}
              </For>
            </select>
          </Field>
          <Field
            label="Validité d’un devis (jours)"
            for="settings-validity"
            error={errors().quoteValidityDays}
          >
            <input
              id="settings-validity"
              inputMode="numeric"
              value={String(values.quoteValidityDays)}
              disabled={!isAdmin()}
              onInput={(event) => {
                setValues('quoteValidityDays', Number(event.currentTarget.value));
                touch();
              }}
            />
          </Field>
        </div>
        <div class="form-grid">
          <Field
            label="Conditions de paiement"
            for="settings-payment"
            error={errors().paymentTerms}
          >
            <textarea
              id="settings-payment"
              rows={2}
              value={values.paymentTerms ?? ''}
              disabled={!isAdmin()}
              onInput={(event) => {
                setValues('paymentTerms', event.currentTarget.value);
                touch();
              }}
            />
          </Field>
          <Field label="Garantie" for="settings-warranty" error={errors().warrantyTerms}>
            <textarea
              id="settings-warranty"
              rows={2}
              value={values.warrantyTerms ?? ''}
              disabled={!isAdmin()}
              onInput={(event) => {
                setValues('warrantyTerms', event.currentTarget.value);
                touch();
              }}
            />
          </Field>
        </div>
      </section>

      <section class="card">
        <h2>Taux horaires de main-d’œuvre</h2>
        <table class="table rates">
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Taux HT (€/h)</th>
              <th scope="col">Méthode</th>
              <th scope="col">TVA</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <Index each={rates}>
              {(rate, index) => (
                <tr>
                  <td>
                    <input
                      aria-label="Nom du taux"
                      class={errors()[`labourRates.${index}.name`] ? 'cell-invalid' : ''}
                      value={rate().name}
                      disabled={!isAdmin()}
                      onInput={(event) => {
                        setRates(index, 'name', event.currentTarget.value);
                        touch();
                      }}
                    />
                  </td>
                  <td>
                    <input
                      aria-label="Taux horaire HT"
                      inputMode="decimal"
                      class={errors()[`labourRates.${index}.hourlyRateCents`] ? 'cell-invalid' : ''}
                      value={rate().hourlyRate}
                      disabled={!isAdmin()}
                      onInput={(event) => {
                        setRates(index, 'hourlyRate', event.currentTarget.value);
                        touch();
                      }}
                    />
                  </td>
                  <td>
                    <select
                      aria-label="Méthode de tarification"
                      disabled={!isAdmin()}
                      onChange={(event) => {
                        setRates(index, 'method', event.currentTarget.value);
                        touch();
                      }}
                    >
                      <For each={PRICING_METHODS}>
                        {(method) => (
                          <option value={method} selected={method === rate().method}>
                            {PRICING_METHOD_LABELS[method]}
                          </option>
                        )}
                      </For>
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label="TVA du taux"
                      disabled={!isAdmin()}
                      onChange={(event) => {
                        setRates(index, 'vatRateBp', Number(event.currentTarget.value));
                        touch();
                      }}
                    >
                      <For each={VAT_RATE_OPTIONS}>
                        {(option) => (
                          <option value={option.value} selected={option.value === rate().vatRateBp}>
                            {option.label}
                          </option>
                        )}
                      </For>
                    </select>
                  </td>
                  <td>
                    <Show when={isAdmin()}>
                      <Button
                        variant="ghost"
                        onClick={() => {
                          setRates((list) => list.filter((_, i) => i !== index));
                          touch();
                        }}
                      >
                        Retirer
                      </Button>
                    </Show>
                  </td>
                </tr>
              )}
            </Index>
          </tbody>
        </table>
        <Show when={isAdmin()}>
          <Button
            variant="ghost"
            onClick={() => {
              setRates((list) => [
                ...list,
                {
                  key: newKey(),
                  id: `rate-${Date.now().toString(36)}`,
                  name: '',
                  hourlyRate: '',
                  method: 'time_spent',
                  vatRateBp: values.defaultVatRateBp,
                },
              ]);
              touch();
            }}
          >
            + Ajouter un taux
          </Button>
        </Show>
      </section>

      <section class="card">
        <h2>Forfaits</h2>
        <p class="muted">
          Un forfait ajoute ses lignes au devis en un clic (ex. « Vidange + filtre »). Son intitulé
          devient celui de la prestation.
        </p>
        <JobsEditor
          jobs={packages}
          setJobs={setPackages}
          totals={computeDraftTotals(packages, false)}
          settings={{ ...base(), packages: [] }}
          isEditable={isAdmin()}
          errors={{}}
          onEdit={touch}
          addJobLabel="+ Nouveau forfait"
          titlePlaceholder="Nom du forfait (ex. Vidange + filtre à huile)"
        />
        <Show when={isAdmin() && packages.length === 0}>
          <Button
            variant="ghost"
            onClick={() => {
              setPackages([
                { key: newKey(), title: '', lines: [emptyLine(values.defaultVatRateBp)] },
              ]);
              touch();
            }}
          >
            + Nouveau forfait
          </Button>
        </Show>
      </section>
    </form>
  );
}
