import { createMemo, createSignal } from 'solid-js';
import type { FieldErrors } from '../../lib/validate';

/**
 * The field errors a form shows: the editor's (its last save's, the server's included) until a
 * save is refused by the form's own check; from then on that check follows the typing, so a
 * fixed field clears at once and a new mistake shows at once, until the next save goes through.
 */
export function createLiveCheck<V extends object>(
  values: V,
  saveErrors: () => FieldErrors,
  validate: (values: V) => FieldErrors | null,
) {
  const [isChecking, setChecking] = createSignal(false);
  const errors = createMemo(() => (isChecking() ? (validate(values) ?? {}) : saveErrors()));
  return {
    errors,
    /** After `editor.save()`: whether the form's check is what refused it. */
    afterSave(isSaved: boolean) {
      setChecking(!isSaved && validate(values) !== null);
    },
  };
}
