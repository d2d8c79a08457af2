import { useAction, useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { readDetails } from '../../../domain/refusals';
import type { Quote } from '../../../domain/schemas/quote';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/toast';
import { createRepairOrder } from './repair-orders.api';

/**
 * "Ouvrir un OR" on an accepted quote: opens the repair order and goes to it. A quote that has
 * one already (409 `quote_already_ordered`) leads to that one instead.
 */
export function OpenRepairOrderButton(props: { quote: Quote; onError: (message: string) => void }) {
  const navigate = useNavigate();
  const create = useAction(createRepairOrder);
  const [isBusy, setBusy] = createSignal(false);

  async function open() {
    setBusy(true);
    try {
      const order = await create({ quoteId: props.quote.id });
      showToast(`Ordre de réparation ${order.number} ouvert.`);
      navigate(`/repair-orders/${order.id}`);
    } catch (error) {
      const existing = readDetails(error, 'quote_already_ordered');
      if (existing) {
        showToast(`Ce devis a déjà son ordre de réparation : ${existing.number}.`, 'info');
        navigate(`/repair-orders/${existing.repairOrderId}`);
      } else {
        props.onError(errorMessage(error));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button
      variant="primary"
      isLoading={isBusy()}
      disabled={!props.quote.vehicleId}
      title={props.quote.vehicleId ? undefined : 'Rattachez d’abord un véhicule au devis.'}
      onClick={() => void open()}
    >
      Ouvrir un OR
    </Button>
  );
}
