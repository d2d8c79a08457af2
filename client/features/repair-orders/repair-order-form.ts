import { TZDate } from '@date-fns/tz';
import { GARAGE_TZ, toParisDate } from '../../../domain/dates';
import { mergeRecord, resolveRecord, type Side } from '../../../domain/merge/merge-record';
import {
  FUEL_LEVEL_LABELS,
  FUEL_LEVELS,
  type FuelLevel,
  PART_CONDITION_LABELS,
  PART_CONDITIONS,
  PIEC_CHOICE_LABELS,
  PIEC_CHOICES,
  type RepairOrder,
  type RepairOrderUpdate,
} from '../../../domain/schemas/repair-order';
import type { MergeOutcome } from '../../lib/editable-record';
import { formatTime } from '../../lib/format';

/**
 * What the OR page edits until the customer signs the check-in: the check-in's fields and the
 * promise as typed, and each part line's PIEC answer and condition under `piec.<lineId>` and
 * `condition.<lineId>`. Flat, so the editable record's three-way merge works field by field:
 * two people answering PIEC on two different lines never conflict.
 */
export type RepairOrderForm = Record<string, string>;

const CHECK_IN_LABELS: Record<string, string> = {
  mileageKm: 'Kilométrage',
  fuelLevel: 'Niveau de carburant',
  damage: 'Dommages visibles',
  checkInNotes: 'Remarques de réception',
  keysTag: 'Étiquette des clés',
  promisedDate: 'Date de restitution promise',
  promisedTime: 'Heure de restitution promise',
  notes: 'Notes de l’OR',
};

/** The time of day a promise defaults to when only its date is typed. */
const DEFAULT_PROMISE_TIME = '18:00';

export function toRepairOrderForm(order: RepairOrder): RepairOrderForm {
  const form: RepairOrderForm = {
    mileageKm: order.checkIn.mileageKm === null ? '' : String(order.checkIn.mileageKm),
    fuelLevel: order.checkIn.fuelLevel ?? '',
    damage: order.checkIn.damage ?? '',
    checkInNotes: order.checkIn.notes ?? '',
    keysTag: order.checkIn.keysTag ?? '',
    promisedDate: order.promisedAt ? toParisDate(order.promisedAt) : '',
    promisedTime: order.promisedAt ? formatTime(order.promisedAt) : '',
    notes: order.notes ?? '',
  };
  for (const job of order.jobs) {
    for (const line of job.lines) {
      if (line.kind !== 'part') continue;
      form[`condition.${line.id}`] = line.partCondition ?? 'new';
      if (line.piecCategory) form[`piec.${line.id}`] = line.piecChoice ?? 'proposed';
    }
  }
  return form;
}

/** A Paris date and time as typed (`2026-12-03`, `17:30`) → the UTC instant the API takes. */
export function parisToInstant(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = (time || DEFAULT_PROMISE_TIME).split(':').map(Number);
  return new Date(
    new TZDate(year!, month! - 1, day!, hours ?? 0, minutes ?? 0, 0, GARAGE_TZ).getTime(),
  ).toISOString();
}

function isFuelLevel(value: string): value is FuelLevel {
  return FUEL_LEVELS.some((level) => level === value);
}
const isPiecChoice = (value: string | undefined) =>
  PIEC_CHOICES.find((choice) => choice === value) ?? null;
const isPartCondition = (value: string | undefined) =>
  PART_CONDITIONS.find((condition) => condition === value) ?? null;

/** Field errors by key, in French, before anything is sent. */
export function validateRepairOrderForm(form: RepairOrderForm): Record<string, string> {
  const errors: Record<string, string> = {};
  const km = (form.mileageKm ?? '').replace(/\s/g, '');
  if (km && !/^\d{1,7}$/.test(km)) errors.mileageKm = 'Kilométrage : un nombre entier de km.';
  if (form.promisedTime && !form.promisedDate) {
    errors.promisedDate = 'Indiquez aussi la date de restitution.';
  }
  return errors;
}

/** The PATCH: the fields that changed since `base`, and the whole work when a line's answer did. */
export function toRepairOrderPatch(
  order: RepairOrder,
  base: RepairOrderForm,
  form: RepairOrderForm,
  version: number,
): RepairOrderUpdate {
  const patch: RepairOrderUpdate = { version };
  const changed = (key: string) => (base[key] ?? '') !== (form[key] ?? '');
  const text = (key: string) => form[key]?.trim() || null;
  if (changed('mileageKm')) {
    const km = (form.mileageKm ?? '').replace(/\s/g, '');
    patch.mileageKm = km ? Number(km) : null;
  }
  if (changed('fuelLevel')) {
    const level = form.fuelLevel ?? '';
    patch.fuelLevel = isFuelLevel(level) ? level : null;
  }
  if (changed('damage')) patch.damage = text('damage');
  if (changed('checkInNotes')) patch.checkInNotes = text('checkInNotes');
  if (changed('keysTag')) patch.keysTag = text('keysTag');
  if (changed('notes')) patch.notes = text('notes');
  if (changed('promisedDate') || changed('promisedTime')) {
    patch.promisedAt = form.promisedDate
      ? parisToInstant(form.promisedDate, form.promisedTime ?? '')
      : null;
  }
  const linesChanged = Object.keys(form).some(
    (key) => (key.startsWith('piec.') || key.startsWith('condition.')) && changed(key),
  );
  if (linesChanged) patch.jobs = toJobsEdit(order, form);
  return patch;
}

/** The OR's work as the API takes it back, with the form's PIEC answers and conditions. */
export function toJobsEdit(order: RepairOrder, form: RepairOrderForm = {}) {
  return order.jobs
    .filter((job) => job.amendmentId === null)
    .map((job) => ({
      id: job.id,
      title: job.title,
      technicianId: job.technicianId,
      lines: job.lines.map((line) => ({
        id: line.id,
        kind: line.kind,
        description: line.description,
        reference: line.reference,
        quantity: line.quantity,
        unit: line.unit,
        unitPriceCents: line.unitPriceCents,
        vatRateBp: line.vatRateBp,
        discountBp: line.discountBp,
        piecCategory: line.piecCategory,
        piecChoice: isPiecChoice(form[`piec.${line.id}`]) ?? line.piecChoice,
        partCondition: isPartCondition(form[`condition.${line.id}`]) ?? line.partCondition,
      })),
    }));
}

/** The words for a field of the form: "Kilométrage", "Choix PIEC « Aile avant »". */
function labelOf(order: RepairOrder, key: string): string {
  const [kind, lineId] = key.split('.');
  if (!lineId) return CHECK_IN_LABELS[key] ?? key;
  const line = order.jobs.flatMap((job) => job.lines).find((each) => each.id === lineId);
  const name = `« ${line?.description ?? 'ligne'} »`;
  return kind === 'piec' ? `Choix PIEC ${name}` : `État de la pièce ${name}`;
}

function showValue(key: string, value: string | undefined): string {
  if (!value) return '—';
  if (key === 'fuelLevel' && isFuelLevel(value)) return FUEL_LEVEL_LABELS[value];
  const choice = isPiecChoice(value);
  if (key.startsWith('piec.') && choice) return PIEC_CHOICE_LABELS[choice];
  const condition = isPartCondition(value);
  if (key.startsWith('condition.') && condition) return PART_CONDITION_LABELS[condition];
  return value;
}

/** The editable record's merge for the OR form, worded with the OR's own line names. */
export function createRepairOrderMerge(current: () => RepairOrder) {
  return (
    base: RepairOrderForm,
    mine: RepairOrderForm,
    theirs: RepairOrderForm,
  ): MergeOutcome<RepairOrderForm> => {
    const merge = mergeRecord(base, mine, theirs, {
      isEqual: (_field, a, b) => String(a ?? '').trim() === String(b ?? '').trim(),
    });
    // A line that is no longer in their version is gone: the form drops it too.
    for (const key of Object.keys(merge.merged)) {
      if (key.includes('.') && !(key in theirs)) delete merge.merged[key];
    }
    return {
      merged: merge.merged,
      theirChanges: merge.theirs.map((key) => labelOf(current(), String(key))),
      conflicts: merge.conflicts.map((conflict) => ({
        id: String(conflict.field),
        label: labelOf(current(), String(conflict.field)),
        mine: showValue(String(conflict.field), conflict.mine),
        theirs: showValue(String(conflict.field), conflict.theirs),
      })),
      resolve: (choices) => {
        const picks: Partial<Record<string, Side>> = {};
        for (const [key, side] of Object.entries(choices)) picks[key] = side;
        return resolveRecord(merge, picks);
      },
    };
  };
}

/** "3 h 20", "45 min": minutes as the workshop reads them. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}\u00a0min`;
  return rest === 0 ? `${hours}\u00a0h` : `${hours}\u00a0h\u00a0${String(rest).padStart(2, '0')}`;
}
