import {
  mergeQuote,
  type QuoteConflict,
  resolveQuote,
  type TheirChange,
} from '../../../domain/merge/merge-quote';
import { formatEuros } from '../../../domain/money';
import type { ConflictRow, MergeOutcome } from '../../lib/editable-record';
import { formatCalendarDate } from '../../lib/format';
import {
  type DraftFields,
  type DraftJob,
  type DraftLine,
  parseLine,
  type QuoteDraft,
} from './quote-draft';

const FIELD_LABELS: Record<keyof DraftFields, string> = {
  validUntil: 'Validité',
  mileageKm: 'Kilométrage au devis',
  notes: 'Notes',
};

function isDraftField(field: string): field is keyof DraftFields {
  return field in FIELD_LABELS;
}

const fieldLabel = (field: string) => (isDraftField(field) ? FIELD_LABELS[field] : field);

const LINE_FIELDS = [
  'kind',
  'description',
  'reference',
  'quantity',
  'unit',
  'unitPrice',
  'discount',
  'vatRateBp',
] as const satisfies ReadonlyArray<keyof DraftLine>;

const named = (line: Record<string, unknown> | null) =>
  `« ${String(line?.description ?? '').trim() || 'sans description'} »`;

/** "2 × Plaquettes avant — 49,90 €", as a line reads in a conflict. */
function describeLine(line: DraftLine | null): string {
  if (!line) return 'Supprimée';
  const parsed = parseLine(line).value;
  const amount = parsed ? ` — ${formatEuros(parsed.unitPriceCents)} HT l’unité` : '';
  return `${line.quantity} × ${line.description.trim() || 'sans description'}${amount}`;
}

function describeJob(job: DraftJob | null): string {
  if (!job) return 'Supprimée';
  const count = job.lines.length;
  return `${job.title.trim() || 'Sans intitulé'} (${count} ligne${count > 1 ? 's' : ''})`;
}

function showField(field: keyof DraftFields, value: unknown): string {
  const text = String(value ?? '').trim();
  if (!text) return '—';
  if (field === 'validUntil') return formatCalendarDate(text);
  if (field === 'mileageKm') return `${text} km`;
  return text;
}

function describeChange(change: TheirChange): string {
  switch (change.kind) {
    case 'field':
      return fieldLabel(change.field);
    case 'job_added':
      return `prestation « ${change.title} » ajoutée`;
    case 'job_removed':
      return `prestation « ${change.title} » retirée`;
    case 'job_edited':
      return `prestation « ${change.title} » renommée`;
    case 'line_added':
      return `ligne ${named(change.line)} ajoutée`;
    case 'line_removed':
      return `ligne ${named(change.line)} supprimée`;
    case 'line_edited':
      return `ligne ${named(change.line)} modifiée`;
  }
}

function toRow(conflict: QuoteConflict<DraftFields, DraftLine>): ConflictRow {
  switch (conflict.kind) {
    case 'field': {
      const field = conflict.field;
      return {
        id: conflict.id,
        label: FIELD_LABELS[field],
        mine: showField(field, conflict.mine),
        theirs: showField(field, conflict.theirs),
      };
    }
    case 'job_title':
      return {
        id: conflict.id,
        label: `Intitulé de la prestation « ${conflict.base} »`,
        mine: conflict.mine || '—',
        theirs: conflict.theirs || '—',
      };
    case 'job':
      return {
        id: conflict.id,
        label: `Prestation « ${conflict.base.title} »`,
        mine: describeJob(conflict.mine),
        theirs: describeJob(conflict.theirs),
      };
    case 'line':
      return {
        id: conflict.id,
        label: `Ligne ${named(conflict.base ?? conflict.mine ?? conflict.theirs)}`,
        mine: describeLine(conflict.mine),
        theirs: describeLine(conflict.theirs),
      };
  }
}

/** Normalised as the user sees it: a trailing space or `1,50` vs `1,5` is not a change. */
function isSameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return Object.is(a, b);
}

/**
 * The quote editor's merge (domain/merge), worded for the counter: fields, jobs and lines by
 * their ids; what the other person did becomes "ligne « Plaquettes » ajoutée".
 */
export function mergeQuoteDraft(
  base: QuoteDraft,
  mine: QuoteDraft,
  theirs: QuoteDraft,
): MergeOutcome<QuoteDraft> {
  const merge = mergeQuote(base, mine, theirs, { lineFields: LINE_FIELDS, isEqual: isSameValue });
  return {
    merged: merge.merged,
    theirChanges: merge.theirChanges.map(describeChange),
    conflicts: merge.conflicts.map(toRow),
    resolve: (choices) => resolveQuote(merge, choices),
  };
}
