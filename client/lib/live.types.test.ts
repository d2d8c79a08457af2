import { describe, expectTypeOf, it } from 'vitest';
import type { Alert } from '../../domain/schemas/alert';
import type { Change, ChangeOf, FeedChange } from '../../domain/schemas/change';
import type { Quote } from '../../domain/schemas/quote';
import type { useChanges } from './live';

/**
 * What the compiler guarantees to a screen listening to changes. `npm test` type-checks this
 * file (tsc): each `@ts-expect-error` below fails the build if the line it marks ever compiles.
 */
declare const listen: typeof useChanges;

function listenersAsTheyAreWritten(): void {
  listen('quote', (change) => {
    expectTypeOf(change.data).toEqualTypeOf<Quote>();
    // @ts-expect-error a quote's change carries no client fields
    void change.data.lastName;
  });
  listen('alert', 'alert-id', (change) => {
    expectTypeOf(change.data).toEqualTypeOf<Alert>();
    // @ts-expect-error nor a quote's
    void change.data.totals;
  });
  listen('settings', (change) => {
    // @ts-expect-error the alert rules are an entity of their own, not settings
    void change.data.openDaysBefore;
  });
}

describe('typed changes', () => {
  it('hand each listener its entity’s record (checked by the type check)', () => {
    expectTypeOf(listenersAsTheyAreWritten).toBeFunction();
    expectTypeOf<ChangeOf<'vehicle'>['data']['plate']>().toEqualTypeOf<string>();
    // The wall's entries have a label, never a record.
    expectTypeOf<FeedChange>().not.toHaveProperty('data');
    expectTypeOf<Extract<Change, { entity: 'alert_batch' }>['data']>().toHaveProperty('label');
  });
});
