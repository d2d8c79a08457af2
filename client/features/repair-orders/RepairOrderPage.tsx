import { A, createAsync, revalidate, useParams } from '@solidjs/router';
import { ErrorBoundary, Show, Suspense, untrack } from 'solid-js';
import { AppError } from '../../../domain/errors';
import { ErrorMessage, Spinner } from '../../ui/Feedback';
import { getSettings } from '../settings/settings.api';
import { RepairOrderView } from './RepairOrderView';
import { getRepairOrder } from './repair-orders.api';
import './repair-orders.css';

export default function RepairOrderPage() {
  const params = useParams<{ id: string }>();
  const order = createAsync(() => getRepairOrder(params.id));
  const settings = createAsync(() => getSettings());
  return (
    <div class="page page-wide">
      <ErrorBoundary
        fallback={(caught, reset) => (
          <Show
            when={caught instanceof AppError && caught.code === 'not_found'}
            fallback={
              <ErrorMessage
                error={caught}
                retry={() => {
                  void revalidate(getRepairOrder.keyFor(params.id));
                  reset();
                }}
              />
            }
          >
            <div class="alert alert-warning" role="alert">
              Cet ordre de réparation n’existe pas ou plus. <A href="/">Retour à l’atelier</A>
            </div>
          </Show>
        )}
      >
        <Suspense fallback={<Spinner label="Chargement de l’ordre de réparation…" />}>
          <Show when={settings() && order()?.id} keyed>
            {/* The page follows the OR live from here on; another OR gets a fresh one. */}
            <RepairOrderView initial={untrack(() => order()!)} settings={settings()!} />
          </Show>
        </Suspense>
      </ErrorBoundary>
    </div>
  );
}
