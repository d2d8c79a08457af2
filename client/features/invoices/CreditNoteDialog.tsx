import { useAction, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { readDetails } from '../../../domain/refusals';
import type { Invoice } from '../../../domain/schemas/invoice';
import { errorMessage } from '../../lib/api';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/toast';
import { createCreditNote } from './invoices.api';

/**
 * « Créer un avoir »: all of the invoice, or the lines ticked for the quantities typed; the
 * server keeps every credit note within what is left of each line.
 */
export function CreditNoteDialog(props: { invoice: Invoice; open: boolean; onClose: () => void }) {
  const create = useAction(createCreditNote);
  const navigate = useNavigate();
  const [isWhole, setWhole] = createSignal(true);
  const [picked, setPicked] = createStore<Record<number, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const [isBusy, setBusy] = createSignal(false);

  function chosenLines() {
    return Object.entries(picked)
      .filter(([, quantity]) => quantity.trim() !== '')
      .map(([position, quantity]) => ({
        position: Number(position),
        quantity: Number(quantity.replace(',', '.')),
      }));
  }

  async function submit() {
    setError(null);
    const lines = chosenLines();
    if (!isWhole() && lines.length === 0) {
      setError('Cochez au moins une ligne.');
      return;
    }
    if (lines.some((line) => !(line.quantity > 0))) {
      setError('Une quantité est un nombre supérieur à zéro.');
      return;
    }
    setBusy(true);
    try {
      const note = await create(props.invoice.id, isWhole() ? {} : { lines });
      showToast('Avoir créé en brouillon.');
      props.onClose();
      navigate(`/invoices/${note.id}`);
    } catch (caught) {
      const exceeded = readDetails(caught, 'credit_exceeds_invoice');
      setError(
        exceeded
          ? `Au-delà de ce qui reste à créditer : ${exceeded.lines
              .map((line) => `ligne ${line.position + 1}, reste ${line.remainingQuantity}`)
              .join(' ; ')}.`
          : errorMessage(caught),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={props.open} title="Créer un avoir" onClose={props.onClose}>
      <fieldset class="credit-note-scope">
        <label>
          <input type="radio" checked={isWhole()} onChange={() => setWhole(true)} /> Toute la
          facture (ce qui reste à créditer)
        </label>
        <label>
          <input type="radio" checked={!isWhole()} onChange={() => setWhole(false)} /> Certaines
          lignes
        </label>
      </fieldset>
      <Show when={!isWhole()}>
        <table class="table credit-note-lines">
          <tbody>
            <For each={props.invoice.lines}>
              {(line, index) => (
                <tr>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={picked[index()] !== undefined && picked[index()] !== ''}
                        onChange={(event) =>
                          setPicked(
                            index(),
                            event.currentTarget.checked ? String(line.quantity) : '',
                          )
                        }
                      />{' '}
                      {line.description}
                    </label>
                  </td>
                  <td class="num">
                    <input
                      class="input input-small"
                      aria-label={`Quantité à créditer : ${line.description}`}
                      inputMode="decimal"
                      value={picked[index()] ?? ''}
                      placeholder={String(line.quantity)}
                      onInput={(event) => setPicked(index(), event.currentTarget.value)}
                    />{' '}
                    / {line.quantity} {line.unit}
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <Show when={error()}>
        <div class="alert alert-error" role="alert">
          {error()}
        </div>
      </Show>
      <div class="dialog-actions">
        <Button onClick={() => props.onClose()}>Annuler</Button>
        <Button variant="primary" isLoading={isBusy()} onClick={() => void submit()}>
          Créer l’avoir
        </Button>
      </div>
    </Dialog>
  );
}
