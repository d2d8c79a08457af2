import { useAction } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { todayInParis } from '../../../domain/dates';
import { readDetails } from '../../../domain/refusals';
import type { Closure, ClosureLevel } from '../../../domain/schemas/journal';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { showToast } from '../../ui/toast';
import {
  type ClosureTargets,
  defaultClosureTargets,
  describeClosureConsequence,
  parseClosureTarget,
  toTargetValue,
} from './closure-targets';
import { closePeriod } from './journal.api';

const FORMS: ReadonlyArray<{
  level: ClosureLevel;
  label: string;
  button: string;
  type: 'date' | 'month' | 'number';
}> = [
  { level: 'day', label: 'Journée', button: 'Clôturer la journée', type: 'date' },
  { level: 'month', label: 'Mois', button: 'Clôturer le mois', type: 'month' },
  { level: 'year', label: 'Année', button: 'Clôturer l’année', type: 'number' },
];

type Pending = { level: ClosureLevel; date: string; label: string };

/**
 * « Clôturer la journée / le mois / l’année »: each period picked in its own field (today, the
 * month and the year after the last closed), confirmed in words that say what it stops.
 */
export function CloseForms(props: {
  closures: readonly Closure[];
  onClosed: (c: Closure) => void;
}) {
  const close = useAction(closePeriod);
  // Not frozen at mount: read again as the closures change (a screen left open overnight).
  const today = () => todayInParis(new Date());
  const defaults = () => defaultClosureTargets(props.closures, today());
  const [typed, setTyped] = createStore<Partial<ClosureTargets>>({});
  const [fieldErrors, setFieldErrors] = createStore<Partial<Record<ClosureLevel, string>>>({});
  const [pending, setPending] = createSignal<Pending | null>(null);
  const [busy, setBusy] = createSignal<ClosureLevel | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const value = (level: ClosureLevel) => typed[level] ?? defaults()[level];

  function ask(level: ClosureLevel) {
    setError(null);
    const parsed = parseClosureTarget(level, value(level));
    setFieldErrors(level, parsed.ok ? undefined : parsed.message);
    if (parsed.ok) setPending({ level, date: parsed.date, label: parsed.label });
  }

  async function confirm(target: Pending) {
    setBusy(target.level);
    try {
      const closure = await close({ level: target.level, date: target.date });
      setTyped(target.level, undefined);
      props.onClosed(closure);
      showToast(`Clôture enregistrée : ${target.label}.`);
    } catch (caught) {
      // The earlier period to close first goes into the field: one more click closes it.
      const earlier = readDetails(caught, 'closure_out_of_order');
      if (earlier) setTyped(target.level, toTargetValue(target.level, earlier.periodStart));
      setError(errorMessage(caught));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <div class="journal-close-forms">
        <For each={FORMS}>
          {(form) => (
            <form
              class="journal-close-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                ask(form.level);
              }}
            >
              <Field
                label={form.label}
                for={`closure-${form.level}`}
                error={fieldErrors[form.level]}
              >
                <Input
                  id={`closure-${form.level}`}
                  type={form.type}
                  inputMode={form.type === 'number' ? 'numeric' : undefined}
                  min={form.type === 'number' ? 2000 : undefined}
                  max={form.type === 'date' ? today() : undefined}
                  value={value(form.level)}
                  error={fieldErrors[form.level]}
                  onInput={(event) => setTyped(form.level, event.currentTarget.value)}
                />
              </Field>
              <Button type="submit" variant="primary" isLoading={busy() === form.level}>
                {form.button}
              </Button>
            </form>
          )}
        </For>
      </div>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <ConfirmDialog
        open={pending() !== null}
        title={`Clôturer ${pending()?.label ?? ''} ?`}
        message={(() => {
          const target = pending();
          return target ? describeClosureConsequence(target.level, target.date) : '';
        })()}
        confirmLabel="Clôturer"
        onConfirm={() => {
          const target = pending();
          if (target) void confirm(target);
        }}
        onClose={() => setPending(null)}
      />
    </>
  );
}
