import { createEffect, type JSX, onCleanup } from 'solid-js';

/** A modal on the native <dialog>: focus trap, Escape and backdrop for free. */
export function Dialog(props: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: JSX.Element;
}) {
  let dialog!: HTMLDialogElement;
  createEffect(() => {
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  });
  onCleanup(() => dialog?.open && dialog.close());
  return (
    <dialog ref={dialog} class="dialog" aria-label={props.title} onClose={() => props.onClose()}>
      <h2>{props.title}</h2>
      {props.children}
    </dialog>
  );
}

/** "Are you sure?" with the action's own words on the button. */
export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: 'danger' | 'primary';
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={props.open} title={props.title} onClose={props.onClose}>
      <p>{props.message}</p>
      <div class="dialog-actions">
        <button type="button" class="btn btn-secondary" onClick={() => props.onClose()}>
          {props.cancelLabel ?? 'Annuler'}
        </button>
        <button
          type="button"
          class={`btn btn-${props.tone ?? 'danger'}`}
          onClick={() => {
            props.onConfirm();
            props.onClose();
          }}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
