import { useAction, useNavigate } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { computeInvoiceTotals } from '../../../domain/invoice/totals';
import { parseEurosToCents } from '../../../domain/money';
import type { Settings } from '../../../domain/schemas/settings';
import { errorMessage } from '../../lib/api';
import { formatEuros } from '../../lib/format';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { Input } from '../../ui/Input';
import { createInvoice } from './invoices.api';

/**
 * « Demander un acompte » on an OR not yet handed back: a deposit invoice of one line (the
 * amount excl. VAT at the garage's default rate), whose draft opens; the final invoice deducts
 * it once both are issued (decision 0017).
 */
export function DepositButton(props: {
  repairOrderId: string;
  orderNumber: string;
  settings: Settings;
}) {
  const create = useAction(createInvoice);
  const navigate = useNavigate();
  const [isOpen, setOpen] = createSignal(false);
  const [amount, setAmount] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);
  const vatRateBp = () => (props.settings.vatExempt ? 0 : props.settings.defaultVatRateBp);
  const cents = () => {
    const parsed = parseEurosToCents(amount());
    return parsed.ok && parsed.cents > 0 ? parsed.cents : null;
  };

  /** The deposit's one line: a flat fee at the garage's default rate. */
  const toLine = (unitPriceCents: number) => ({
    kind: 'fee' as const,
    description: `Acompte sur l’ordre de réparation ${props.orderNumber}`,
    quantity: 1,
    unit: 'forfait' as const,
    unitPriceCents,
    vatRateBp: vatRateBp(),
    discountBp: 0,
    partCondition: null,
  });
  /** What the client pays, by the invoice's own arithmetic. */
  const totalInclVat = (unitPriceCents: number) =>
    computeInvoiceTotals({
      lines: [toLine(unitPriceCents)],
      vatExempt: props.settings.vatExempt,
      deductedDeposits: [],
    }).grandTotalCents;

  async function submit() {
    const unitPriceCents = cents();
    if (unitPriceCents === null) {
      setError('Saisissez un montant HT, par exemple 150,00.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const draft = await create({
        kind: 'deposit',
        repairOrderId: props.repairOrderId,
        lines: [toLine(unitPriceCents)],
      });
      setOpen(false);
      navigate(`/invoices/${draft.id}`);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Demander un acompte</Button>
      <Dialog open={isOpen()} title="Demander un acompte" onClose={() => setOpen(false)}>
        <Field
          label="Montant HT (€)"
          for="deposit-amount"
          error={error() ?? undefined}
          hint={`TVA ${vatRateBp() / 100} % en sus`}
        >
          <Input
            id="deposit-amount"
            inputMode="decimal"
            value={amount()}
            onInput={(event) => setAmount(event.currentTarget.value)}
          />
        </Field>
        <Show when={cents()}>
          {(value) => <p class="muted">Soit {formatEuros(totalInclVat(value()))} TTC.</p>}
        </Show>
        <div class="dialog-actions">
          <Button onClick={() => setOpen(false)}>Annuler</Button>
          <Button variant="primary" isLoading={isBusy()} onClick={() => void submit()}>
            Créer la facture d’acompte
          </Button>
        </div>
      </Dialog>
    </>
  );
}
