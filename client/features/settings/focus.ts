/** Focuses the element of that id once the DOM has the row just added (keyboard use). */
export function focusSoon(id: string): void {
  queueMicrotask(() => {
    const element = document.getElementById(id);
    element?.focus();
    if (element instanceof HTMLInputElement) element.select();
  });
}
