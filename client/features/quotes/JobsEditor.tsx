import { Index, Show } from 'solid-js';
import type { SetStoreFunction } from 'solid-js/store';
import type { QuoteTotals } from '../../../domain/quote/totals';
import type { Settings } from '../../../domain/schemas/settings';
import { JobCard } from './JobCard';
import { emptyLine, newKey, type QuoteDraft } from './quote-draft';

/**
 * The quote's jobs and their lines grid (see grid-keys.ts for the keyboard). It edits the
 * editable record's document in place: `setValues('jobs', …)`.
 */
export function JobsEditor(props: {
  draft: QuoteDraft;
  setDraft: SetStoreFunction<QuoteDraft>;
  totals: QuoteTotals;
  settings: Settings;
  isEditable: boolean;
  /** Cell errors by `<line or job key>.<field>`. */
  errors: Record<string, string>;
  addJobLabel?: string;
  titlePlaceholder?: string;
}) {
  function addJob() {
    props.setDraft('jobs', (jobs) => [
      ...jobs,
      { key: newKey(), title: '', lines: [emptyLine(props.settings.defaultVatRateBp)] },
    ]);
    queueMicrotask(() =>
      document
        .querySelector<HTMLInputElement>(`[data-job-title="${props.draft.jobs.length - 1}"]`)
        ?.focus(),
    );
  }

  return (
    <div class="jobs">
      <Index each={props.draft.jobs}>
        {(job, jobIndex) => (
          <JobCard
            job={job()}
            jobIndex={jobIndex}
            totals={props.totals}
            settings={props.settings}
            isEditable={props.isEditable}
            titlePlaceholder={props.titlePlaceholder}
            errorOf={(key, field) => props.errors[`${key}.${field}`]}
            edits={{
              setTitle: (title) => props.setDraft('jobs', jobIndex, 'title', title),
              setLine: (lineIndex, changes) =>
                props.setDraft('jobs', jobIndex, 'lines', lineIndex, changes),
              setLines: (update) => props.setDraft('jobs', jobIndex, 'lines', update),
              remove: () =>
                props.setDraft('jobs', (jobs) => jobs.filter((_, index) => index !== jobIndex)),
            }}
          />
        )}
      </Index>
      <Show when={props.isEditable}>
        <button type="button" class="btn btn-secondary add-job" onClick={addJob}>
          {props.addJobLabel ?? '+ Nouvelle prestation'}
        </button>
      </Show>
    </div>
  );
}
