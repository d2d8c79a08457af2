import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { getClientDisplayName } from '../../../domain/client/client-name';
import { formatEuros } from '../../../domain/money';
import { QUOTE_STATUS_LABELS } from '../../../domain/schemas/quote';
import { api, call } from '../../lib/api';
import { formatPhone } from '../../lib/format';

const RESULTS_PER_KIND = 5;
/** As you type: a few rows of each kind, never cached (the next key press asks again). */
const searchEverything = (q: string) =>
  call(api.search.$get({ query: { q, limit: String(RESULTS_PER_KIND) } }));

type Results = Awaited<ReturnType<typeof searchEverything>>;
type Hit = { href: string; title: string; detail: string; group: string };

function toHits(results: Results): Hit[] {
  return [
    ...results.clients.map((client) => ({
      href: `/clients/${client.id}`,
      title: getClientDisplayName(client),
      detail: [client.phones[0] ? formatPhone(client.phones[0]) : null, client.address.city]
        .filter(Boolean)
        .join(' · '),
      group: 'Clients',
    })),
    ...results.vehicles.map((vehicle) => ({
      href: `/vehicles/${vehicle.id}`,
      title: vehicle.plate,
      detail: [[vehicle.make, vehicle.model].filter(Boolean).join(' '), vehicle.clientName]
        .filter(Boolean)
        .join(' · '),
      group: 'Véhicules',
    })),
    ...results.quotes.map((quote) => ({
      href: `/quotes/${quote.id}`,
      title: quote.number ?? 'Devis brouillon',
      detail: `${quote.clientName} · ${QUOTE_STATUS_LABELS[quote.status]} · ${formatEuros(quote.totals.inclVatCents)}`,
      group: 'Devis',
    })),
  ];
}

/** One box for everything: names, phones, plates in any spacing, VINs, quote numbers (Ctrl+K). */
export function GlobalSearch() {
  const navigate = useNavigate();
  const [text, setText] = createSignal('');
  const [query, setQuery] = createSignal('');
  const [isOpen, setOpen] = createSignal(false);
  const [active, setActive] = createSignal(0);
  // An empty query is no search ('' would still run a resource's fetcher).
  const [results] = createResource(() => query() || false, searchEverything);
  const hits = () => (results.state === 'ready' ? toHits(results()) : []);
  let input!: HTMLInputElement;
  let debounce: ReturnType<typeof setTimeout> | undefined;

  const onGlobalKey = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
      event.preventDefault();
      input.focus();
      input.select();
    }
  };
  onMount(() => document.addEventListener('keydown', onGlobalKey));
  onCleanup(() => {
    document.removeEventListener('keydown', onGlobalKey);
    clearTimeout(debounce);
  });

  function go(hit: Hit | undefined) {
    if (!hit) return;
    setOpen(false);
    setText('');
    setQuery('');
    input.blur();
    navigate(hit.href);
  }

  return (
    <div class="global-search">
      <label class="visually-hidden" for="global-search">
        Recherche globale
      </label>
      <input
        ref={input}
        id="global-search"
        type="search"
        role="combobox"
        aria-expanded={isOpen() && hits().length > 0}
        aria-controls="global-search-results"
        aria-autocomplete="list"
        autocomplete="off"
        placeholder="Rechercher… (Ctrl+K)"
        value={text()}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setText(value);
          setOpen(true);
          setActive(0);
          clearTimeout(debounce);
          debounce = setTimeout(() => setQuery(value.trim()), 180);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setActive((index) => Math.min(index + 1, hits().length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((index) => Math.max(index - 1, 0));
          } else if (event.key === 'Enter') {
            event.preventDefault();
            go(hits()[active()]);
          } else if (event.key === 'Escape') {
            setOpen(false);
            input.blur();
          }
        }}
      />
      <Show when={isOpen() && query().length > 0}>
        <div class="search-results" id="global-search-results" role="listbox">
          <Show
            when={hits().length > 0}
            fallback={
              <p class="muted search-empty">
                {results.loading
                  ? 'Recherche…'
                  : results.error
                    ? 'La recherche a échoué.'
                    : 'Aucun résultat.'}
              </p>
            }
          >
            <For each={hits()}>
              {(hit, index) => (
                <>
                  <Show when={index() === 0 || hits()[index() - 1]!.group !== hit.group}>
                    <p class="search-group">{hit.group}</p>
                  </Show>
                  <div
                    role="option"
                    tabIndex={-1}
                    aria-selected={active() === index()}
                    class={`search-hit ${active() === index() ? 'active' : ''}`}
                    onMouseDown={(event) => {
                      event.preventDefault();
                      go(hit);
                    }}
                    onMouseEnter={() => setActive(index())}
                  >
                    <span class="search-title">{hit.title}</span>
                    <span class="search-detail">{hit.detail}</span>
                  </div>
                </>
              )}
            </For>
          </Show>
        </div>
      </Show>
    </div>
  );
}
