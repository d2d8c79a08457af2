import { A, createAsync, useParams } from '@solidjs/router';
import {
  createEffect,
  createMemo,
  createSignal,
  ErrorBoundary,
  For,
  on,
  onCleanup,
  onMount,
  Show,
  Suspense,
} from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import { AppError } from '../../../domain/errors';
import { formatEuros } from '../../../domain/money';
import { checkQuoteCompliance } from '../../../domain/quote/compliance';
import { QUOTE_STATUS_LABELS, type Quote } from '../../../domain/schemas/quote';
import type { Settings } from '../../../domain/schemas/settings';
import { errorMessage } from '../../lib/api';
import { formatCalendarDate, formatDateTime, formatTime } from '../../lib/format';
import { useChanges, useLive } from '../../lib/live';
import { useSession } from '../../lib/session';
import { Button } from '../../ui/Button';
import { Badge, ErrorMessage, Spinner } from '../../ui/Feedback';
import { Field } from '../../ui/Field';
import { showToast } from '../../ui/toast';
import { getClient } from '../clients/clients.api';
import { getSettings } from '../settings/settings.api';
import { JobsEditor } from './JobsEditor';
import { QuoteActions } from './QuoteActions';
import { STATUS_TONES } from './QuoteList';
import { QuotePdfActions } from './QuotePdfActions';
import { computeDraftTotals, type DraftJob, toApiJobs, toDraft } from './quote-draft';
import { getQuote, updateQuote } from './quotes.api';
import { TotalsPanel } from './TotalsPanel';
import './quotes.css';

export default function QuoteEditorPage() {
  const params = useParams<{ id: string }>();
  const quote = createAsync(() => getQuote(params.id));
  const settings = createAsync(() => getSettings());
  return (
    <div class="page page-wide">
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement du devis…" />}>
          <Show when={quote() && settings()}>
            <Show when={quote()!.id} keyed>
              <QuoteEditor initial={quote()!} settings={settings()!} />
            </Show>
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

type Conflict = { current: Quote; changedBy: string | null; changedAt: string | null };

function QuoteEditor(props: { initial: Quote; settings: Settings }) {
  const live = useLive();
  const session = useSession();
  const [quote, setQuote] = createSignal(props.initial);
  const [jobs, setJobs] = createStore<DraftJob[]>(toDraft(props.initial));
  const [meta, setMeta] = createStore({
    validUntil: props.initial.validUntil,
    mileageKm: props.initial.mileageKm === null ? '' : String(props.initial.mileageKm),
    notes: props.initial.notes ?? '',
  });
  const [isDirty, setDirty] = createSignal(false);
  const [errors, setErrors] = createSignal<Record<string, Partial<Record<string, string>>>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [missing, setMissing] = createSignal<Array<{ message: string }>>([]);
  const [conflict, setConflict] = createSignal<Conflict | null>(null);
  const [changedMeanwhile, setChangedMeanwhile] = createSignal<{ name: string; at: string } | null>(
    null,
  );
  const [isSaving, setSaving] = createSignal(false);
  const client = createAsync(() => getClient(quote().clientId));

  const canWrite = () => session.user()?.role !== 'display';
  const isEditable = () => quote().status === 'draft' && canWrite();
  const totals = createMemo(() => computeDraftTotals(jobs, quote().vatExempt));
  const compliance = createMemo(() =>
    checkQuoteCompliance({
      settings: props.settings,
      client: {
        name: quote().clientName,
        address: client()?.address ?? { street: null, postalCode: null, city: null },
      },
      quote: { validUntil: meta.validUntil || null, jobs },
    }),
  );

  /** Shows the quote as saved (after a save, a transition, or someone else's change). */
  function load(next: Quote) {
    setQuote(next);
    setJobs(reconcile(toDraft(next)));
    setMeta({
      validUntil: next.validUntil,
      mileageKm: next.mileageKm === null ? '' : String(next.mileageKm),
      notes: next.notes ?? '',
    });
    setDirty(false);
    setErrors({});
    setChangedMeanwhile(null);
  }

  // Presence: who is on this quote, and whether they are typing in it.
  createEffect(on(isDirty, (dirty) => live.view('quote', quote().id, dirty)));
  onCleanup(() => live.leave('quote', props.initial.id));
  const others = () =>
    live
      .presence()
      .filter((entry) => entry.staffId !== session.user()?.id)
      .flatMap((entry) =>
        entry.views
          .filter((view) => view.entity === 'quote' && view.id === quote().id)
          .map((view) => ({ name: entry.name, editing: view.editing })),
      );

  useChanges((change) => {
    if (change.entity !== 'quote' || change.id !== quote().id) return;
    const next = change.data as Quote;
    if (next.version <= quote().version) return;
    if (isDirty()) setChangedMeanwhile({ name: change.actor?.name ?? 'Quelqu’un', at: change.at });
    else load(next);
  });

  async function save(version = quote().version) {
    const parsed = toApiJobs(unwrap(jobs));
    setErrors(parsed.errors);
    if (!parsed.jobs) {
      setError('Certaines lignes sont incomplètes : corrigez les cases en rouge.');
      return;
    }
    const mileage = meta.mileageKm.replace(/\s/g, '');
    if (mileage && !/^\d+$/.test(mileage)) {
      setError('Kilométrage : un nombre entier de km.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const saved = await updateQuote(quote().id, {
        version,
        jobs: parsed.jobs,
        validUntil: meta.validUntil,
        mileageKm: mileage ? Number(mileage) : null,
        notes: meta.notes || null,
      });
      setConflict(null);
      load(saved);
      showToast('Devis enregistré.');
    } catch (caught) {
      if (
        caught instanceof AppError &&
        caught.code === 'conflict' &&
        (caught.details as { changedBy?: unknown })?.changedBy !== undefined
      ) {
        const details = caught.details as {
          current: Quote;
          changedBy: { name: string } | null;
          changedAt: string | null;
        };
        setChangedMeanwhile(null);
        setConflict({
          current: details.current,
          changedBy: details.changedBy?.name ?? null,
          changedAt: details.changedAt,
        });
      } else {
        setError(errorMessage(caught));
      }
    } finally {
      setSaving(false);
    }
  }

  // Ctrl+S saves from anywhere in the editor.
  const onKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (isEditable() && isDirty()) void save();
    }
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => document.removeEventListener('keydown', onKey));

  const markDirty = () => setDirty(true);

  return (
    <div class="quote-editor">
      <header class="page-header">
        <div>
          <p class="breadcrumb">
            <A href="/quotes">Devis</A>
          </p>
          <h1>
            {quote().number ?? 'Devis brouillon'}
            <Show when={quote().revision > 1}>
              <span class="revision"> · révision {quote().revision}</span>
            </Show>{' '}
            <Badge tone={STATUS_TONES[quote().status]}>{QUOTE_STATUS_LABELS[quote().status]}</Badge>
          </h1>
          <p class="page-lead">
            <A href={`/clients/${quote().clientId}`}>{quote().clientName}</A>
            <Show when={quote().vehicleId}>
              {' · '}
              <A href={`/vehicles/${quote().vehicleId}`}>{quote().vehiclePlate}</A>
            </Show>
            {' · '}créé le {formatDateTime(quote().createdAt)}
            <Show when={quote().createdBy}> par {quote().createdBy!.name}</Show>
            <Show when={quote().revision > 1}>
              {' · '}révisions précédentes :{' '}
              <For each={Array.from({ length: quote().revision - 1 }, (_, i) => i + 1)}>
                {(revision) => (
                  <A href={`/quotes/${quote().id}/revisions/${revision}`} class="revision-link">
                    v{revision}
                  </A>
                )}
              </For>
            </Show>
          </p>
        </div>
        <div class="header-actions">
          <QuotePdfActions quote={quote()} settings={props.settings} isDirty={isDirty()} />
        </div>
        <Show when={canWrite()}>
          <QuoteActions
            quote={quote()}
            isDirty={isDirty()}
            canSend={compliance().length === 0}
            onChanged={load}
            onError={(message, details) => {
              setError(message);
              const list = (details as { missing?: Array<{ message: string }> } | undefined)
                ?.missing;
              setMissing(list ?? []);
            }}
          />
        </Show>
      </header>

      <Show when={others().length > 0}>
        <div class="presence-note" role="status">
          <For each={others()}>
            {(other) => (
              <span class="presence-person">
                <span class={`presence-dot ${other.editing ? 'editing' : ''}`} aria-hidden="true" />
                {other.name} {other.editing ? 'modifie ce devis' : 'consulte ce devis'}.{' '}
              </span>
            )}
          </For>
        </div>
      </Show>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          <span>
            {error()}
            <Show when={missing().length > 0}>
              <ul>
                <For each={missing()}>{(item) => <li>{item.message}</li>}</For>
              </ul>
            </Show>
          </span>
        </div>
      </Show>
      <Show when={changedMeanwhile()}>
        {(meanwhile) => (
          <div class="alert alert-warning" role="status">
            {meanwhile().name} a modifié ce devis à {formatTime(meanwhile().at)}. En enregistrant,
            vous verrez ses changements à côté des vôtres.
          </div>
        )}
      </Show>
      <Show when={conflict()}>
        {(state) => (
          <section class="conflict" role="alert" aria-labelledby="quote-conflict-title">
            <h2 id="quote-conflict-title">
              {state().changedBy ?? 'Quelqu’un'} a modifié ce devis
              <Show when={state().changedAt}> à {formatTime(state().changedAt!)}</Show>
            </h2>
            <p>Votre enregistrement n’a pas été appliqué.</p>
            <table class="table conflict-table">
              <thead>
                <tr>
                  <th scope="col" />
                  <th scope="col">Leur version</th>
                  <th scope="col">Votre saisie</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <th scope="row">Lignes</th>
                  <td>{state().current.jobs.reduce((sum, job) => sum + job.lines.length, 0)}</td>
                  <td>{jobs.reduce((sum, job) => sum + job.lines.length, 0)}</td>
                </tr>
                <tr>
                  <th scope="row">Total TTC</th>
                  <td>{formatEuros(state().current.totals.inclVatCents)}</td>
                  <td>{formatEuros(totals().inclVatCents)}</td>
                </tr>
              </tbody>
            </table>
            <div class="form-actions">
              <Button
                onClick={() => {
                  setConflict(null);
                  load(state().current);
                }}
              >
                Reprendre leurs modifications
              </Button>
              <Button
                variant="primary"
                isLoading={isSaving()}
                onClick={() => void save(state().current.version)}
              >
                Réappliquer mes modifications
              </Button>
            </div>
          </section>
        )}
      </Show>

      <div class="editor-layout">
        <div class="editor-main">
          <JobsEditor
            jobs={jobs}
            setJobs={setJobs}
            totals={totals()}
            settings={props.settings}
            isEditable={isEditable()}
            errors={errors()}
            onEdit={markDirty}
          />
          <Show when={isEditable()}>
            <p class="shortcuts">
              Clavier : <kbd>Tab</kbd> case suivante · <kbd>↑</kbd> <kbd>↓</kbd> ligne précédente /
              suivante · <kbd>Entrée</kbd> ligne suivante (nouvelle ligne en fin de prestation) ·{' '}
              <kbd>Ctrl</kbd>+<kbd>Suppr</kbd> supprimer la ligne · <kbd>Ctrl</kbd>+<kbd>S</kbd>{' '}
              enregistrer
            </p>
          </Show>
        </div>
        <aside class="editor-side">
          <TotalsPanel totals={totals()} vatExempt={quote().vatExempt} />
          <section class="card quote-meta">
            <Field label="Valable jusqu’au" for="quote-valid-until">
              <input
                id="quote-valid-until"
                type="date"
                value={meta.validUntil}
                disabled={!isEditable()}
                onInput={(event) => {
                  setMeta('validUntil', event.currentTarget.value);
                  markDirty();
                }}
              />
            </Field>
            <Field label="Kilométrage au devis" for="quote-mileage">
              <input
                id="quote-mileage"
                inputMode="numeric"
                value={meta.mileageKm}
                disabled={!isEditable() || !quote().vehicleId}
                onInput={(event) => {
                  setMeta('mileageKm', event.currentTarget.value);
                  markDirty();
                }}
              />
            </Field>
            <Field label="Notes" for="quote-notes">
              <textarea
                id="quote-notes"
                rows={3}
                value={meta.notes}
                disabled={!isEditable()}
                onInput={(event) => {
                  setMeta('notes', event.currentTarget.value);
                  markDirty();
                }}
              />
            </Field>
            <Show when={isEditable()}>
              <Button
                variant="primary"
                class="btn-block"
                isLoading={isSaving()}
                disabled={!isDirty()}
                onClick={() => void save()}
              >
                {isDirty() ? 'Enregistrer' : 'Enregistré'}
              </Button>
            </Show>
            <Show when={quote().status !== 'draft'}>
              <p class="muted">Valable jusqu’au {formatCalendarDate(quote().validUntil)}.</p>
            </Show>
          </section>
          <Show when={quote().status === 'draft'}>
            <section class="card compliance" aria-label="Mentions obligatoires">
              <h2>Mentions obligatoires</h2>
              <Show
                when={compliance().length > 0}
                fallback={<p class="ok">Tout y est : le devis peut être envoyé.</p>}
              >
                <p>Il manque avant l’envoi :</p>
                <ul>
                  <For each={compliance()}>
                    {(issue) => (
                      <li>
                        {issue.message}
                        <Show when={issue.where === 'settings'}>
                          {' '}
                          <span class="muted">(paramètres du garage)</span>
                        </Show>
                        <Show when={issue.where === 'client'}>
                          {' '}
                          <A href={`/clients/${quote().clientId}`}>(fiche client)</A>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
          </Show>
          <Show when={quote().decision}>
            {(decision) => (
              <section class="card">
                <h2>Décision du client</h2>
                <p>
                  {QUOTE_STATUS_LABELS[quote().status]} le {formatDateTime(decision().decidedAt)}
                  <Show when={decision().signerName}> — signé par {decision().signerName}</Show>
                  <Show when={decision().reason}> — motif : {decision().reason}</Show>
                </p>
              </section>
            )}
          </Show>
        </aside>
      </div>
    </div>
  );
}
