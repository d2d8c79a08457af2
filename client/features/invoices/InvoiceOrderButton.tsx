import { useAction, useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { readDetails } from '../../../domain/refusals';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { showToast } from '../../ui/toast';
import { createInvoice } from './invoices.api';

/**
 * « Facturer » on a handed-back OR: its draft invoice, or the invoice it already has (one per
 * OR: the server answers `invoice_exists` with it).
 */
export function InvoiceOrderButton(props: { repairOrderId: string }) {
  const create = useAction(createInvoice);
  const navigate = useNavigate();
  const [isBusy, setBusy] = createSignal(false);

  async function invoice() {
    setBusy(true);
    try {
      const draft = await create({ repairOrderId: props.repairOrderId });
      navigate(`/invoices/${draft.id}`);
    } catch (caught) {
      const existing = readDetails(caught, 'invoice_exists');
      if (existing) navigate(`/invoices/${existing.invoiceId}`);
      else showToast(errorMessage(caught), 'error');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button variant="primary" isLoading={isBusy()} onClick={() => void invoice()}>
      Facturer
    </Button>
  );
}
