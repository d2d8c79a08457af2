import { type JSX, Show, splitProps } from 'solid-js';

type Props = JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
  isLoading?: boolean;
};

export function Button(props: Props) {
  const [local, rest] = splitProps(props, [
    'variant',
    'isLoading',
    'children',
    'class',
    'disabled',
  ]);
  return (
    <button
      type="button"
      {...rest}
      class={`btn btn-${local.variant ?? 'secondary'} ${local.class ?? ''}`}
      disabled={local.disabled || local.isLoading}
      aria-busy={local.isLoading ? 'true' : undefined}
    >
      <Show when={local.isLoading}>
        <span class="spinner spinner-small" aria-hidden="true" />
      </Show>
      {local.children}
    </button>
  );
}
