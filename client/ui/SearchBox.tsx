import { createEffect, createSignal, on, onCleanup, onMount } from 'solid-js';

const DEBOUNCE_MS = 200;

/**
 * A list's search box, the same on every list: it searches after a short pause, keeps the query
 * in the URL (`?q=`, so it survives a reload and Back follows it), "/" focuses it from anywhere
 * on the page, Échap clears it.
 */
export function SearchBox(props: {
  label: string;
  placeholder: string;
  /** The query the URL holds now. */
  query: string | undefined;
  onSearch: (query: string | undefined) => void;
}) {
  const [text, setText] = createSignal(props.query ?? '');
  let input!: HTMLInputElement;
  let debounce: ReturnType<typeof setTimeout> | undefined;
  createEffect(
    on(
      text,
      (value) => {
        clearTimeout(debounce);
        debounce = setTimeout(() => props.onSearch(value.trim() || undefined), DEBOUNCE_MS);
      },
      { defer: true },
    ),
  );
  // Back and forward change ?q= under the box: follow them.
  createEffect(
    on(
      () => props.query,
      (query) => {
        if ((query ?? '') !== text().trim()) setText(query ?? '');
      },
      { defer: true },
    ),
  );
  const onKey = (event: KeyboardEvent) => {
    const target = event.target;
    const isTyping =
      target instanceof HTMLElement && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
    if (event.key === '/' && !isTyping) {
      event.preventDefault();
      input.focus();
    }
  };
  onMount(() => document.addEventListener('keydown', onKey));
  onCleanup(() => {
    clearTimeout(debounce);
    document.removeEventListener('keydown', onKey);
  });
  return (
    <label class="search">
      <span class="visually-hidden">{props.label}</span>
      <input
        ref={input}
        type="search"
        placeholder={`${props.placeholder}  ( / )`}
        value={text()}
        onInput={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && text()) {
            event.preventDefault();
            setText('');
          }
        }}
      />
    </label>
  );
}
