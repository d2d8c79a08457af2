import { type JSX, splitProps } from 'solid-js';

/**
 * Form controls that know their error: marked invalid, and pointing screen readers to the
 * message `<Field>` renders under them (`<id>-error`).
 */
type Invalid = {
  error?: string | undefined;
};

export function Input(props: JSX.InputHTMLAttributes<HTMLInputElement> & Invalid) {
  const [local, rest] = splitProps(props, ['error', 'class']);
  return (
    <input
      {...rest}
      class={`input ${local.class ?? ''}`}
      aria-invalid={local.error ? 'true' : undefined}
      aria-describedby={local.error && rest.id ? `${rest.id}-error` : undefined}
    />
  );
}

export function Select(props: JSX.SelectHTMLAttributes<HTMLSelectElement> & Invalid) {
  const [local, rest] = splitProps(props, ['error', 'class']);
  return (
    <select
      {...rest}
      class={`input ${local.class ?? ''}`}
      aria-invalid={local.error ? 'true' : undefined}
      aria-describedby={local.error && rest.id ? `${rest.id}-error` : undefined}
    />
  );
}

export function Textarea(props: JSX.TextareaHTMLAttributes<HTMLTextAreaElement> & Invalid) {
  const [local, rest] = splitProps(props, ['error', 'class']);
  return (
    <textarea
      {...rest}
      class={`input ${local.class ?? ''}`}
      aria-invalid={local.error ? 'true' : undefined}
      aria-describedby={local.error && rest.id ? `${rest.id}-error` : undefined}
    />
  );
}
