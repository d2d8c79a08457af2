import { A, createAsync, useParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Quote } from '../../../domain/schemas/quote';
import { QUOTE_STATUS_LABELS } from '../../../domain/schemas/quote';
import type { Settings } from '../../../domain/schemas/settings';
import { formatDateTime } from '../../lib/format';
import { Badge, ErrorMessage, Spinner } from '../../ui/Feedback';
import { getSettings } from '../settings/settings.api';
import { JobsEditor } from './JobsEditor';
import { STATUS_TONES } from './QuoteList';
import { computeDraftTotals, toQuoteDraft } from './quote-draft';
import { getQuoteRevision } from './quotes.api';
import { TotalsPanel } from './TotalsPanel';
import './quotes.css';

/** An earlier revision, read-only, as it was when it was replaced. */
export default function QuoteRevisionPage() {
  const params = useParams<{ id: string; revision: string }>();
  const quote = createAsync(() => getQuoteRevision(params.id, Number(params.revision)));
  const settings = createAsync(() => getSettings());
  return (
    <div class="page page-wide">
      <ErrorBoundary fallback={(error, reset) => <ErrorMessage error={error} retry={reset} />}>
        <Suspense fallback={<Spinner label="Chargement de la révision…" />}>
          <Show when={quote() && settings()}>
            <RevisionView quote={quote()!} settings={settings()!} />
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}

function RevisionView(props: { quote: Quote; settings: Settings }) {
  const [draft, setDraft] = createStore(toQuoteDraft(props.quote));
  const totals = () => computeDraftTotals(draft.jobs, props.quote.vatExempt);
  return (
    <div class="quote-editor">
      <header class="page-header">
        <div>
          <p class="breadcrumb">
            <A href={`/quotes/${props.quote.id}`}>Revenir à la révision en cours</A>
          </p>
          <h1>
            {props.quote.number ?? 'Devis brouillon'}{' '}
            <span class="revision">· révision {props.quote.revision}</span>{' '}
            <Badge tone={STATUS_TONES[props.quote.status]}>
              {QUOTE_STATUS_LABELS[props.quote.status]}
            </Badge>
          </h1>
          <p class="page-lead">
            {props.quote.clientName}
            <Show when={props.quote.vehiclePlate}> · {props.quote.vehiclePlate}</Show>
            <Show when={props.quote.sentAt}>
              {' '}
              · envoyée le {formatDateTime(props.quote.sentAt!)}
            </Show>
          </p>
        </div>
      </header>
      <div class="alert alert-warning">Révision remplacée : lecture seule.</div>
      <div class="editor-layout">
        <JobsEditor
          draft={draft}
          setDraft={setDraft}
          totals={totals()}
          settings={props.settings}
          isEditable={false}
          errors={{}}
        />
        <aside class="editor-side">
          <TotalsPanel totals={totals()} vatExempt={props.quote.vatExempt} />
        </aside>
      </div>
    </div>
  );
}
