import { createSignal, startTransition } from 'solid-js';
import type { Entity } from '../../../domain/schemas/change';
import { useChanges } from '../../lib/live';

/**
 * A count that goes up on every change of `entities`: a `createAsync` that reads it reads its
 * query again (the change already dropped the cached answer, payments.api.ts), in a transition
 * so the old figures stay on screen meanwhile. Another counter's payment, a refund, a credit
 * note or the till's count thus shows on this screen as it is made.
 */
export function createLiveReads(entities: readonly Entity[]): () => number {
  const [reads, setReads] = createSignal(0);
  const readAgain = () => void startTransition(() => setReads((count) => count + 1));
  for (const entity of entities) useChanges(entity, readAgain);
  return reads;
}
