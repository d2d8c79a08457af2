import { createSignal, For } from 'solid-js';

type Toast = { id: number; message: string; tone: 'info' | 'success' | 'error' };

const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextId = 1;

/** Short confirmations ("Client enregistré"); they fade after a few seconds. */
export function showToast(message: string, tone: Toast['tone'] = 'success'): void {
  const id = nextId++;
  setToasts((list) => [...list, { id, message, tone }]);
  setTimeout(() => setToasts((list) => list.filter((toast) => toast.id !== id)), 4000);
}

export function Toasts() {
  return (
    <div class="toasts" aria-live="polite">
      <For each={toasts()}>
        {(toast) => <div class={`toast toast-${toast.tone}`}>{toast.message}</div>}
      </For>
    </div>
  );
}
