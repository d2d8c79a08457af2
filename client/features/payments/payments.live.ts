import { createSignal, startTransition } from 'solid-js';

/**
 * A count, and the function that raises it: a `createAsync` that reads the count reads its
 * query again (the change stream already dropped the cached answer, payments.api.ts), in a
 * transition so the old figures stay on screen meanwhile. The screens raise it on the changes
 * that concern what they show: another counter's payment, a refund, a credit note, a count.
 */
export function createReads(): [reads: () => number, readAgain: () => void] {
  const [reads, setReads] = createSignal(0);
  return [reads, () => void startTransition(() => setReads((count) => count + 1))];
}
