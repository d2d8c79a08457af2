import type { Client } from '../../../domain/schemas/client';
import type { QuoteSummary } from '../../../domain/schemas/quote';
import type { Vehicle } from '../../../domain/schemas/vehicle';
import type { Actor, Deps } from '../../deps';
import { listClients } from '../clients/clients.service';
import { listQuotes } from '../quotes/quotes.service';
import { listVehicles } from '../vehicles/vehicles.service';

export type SearchResults = { clients: Client[]; vehicles: Vehicle[]; quotes: QuoteSummary[] };

/** The global search box: the first few clients, vehicles and quotes matching the query. */
export async function searchEverything(
  deps: Deps,
  actor: Actor,
  q: string,
  limit: number,
): Promise<SearchResults> {
  const query = { q, limit, archived: false };
  const [clients, vehicles, quotes] = await Promise.all([
    listClients(deps, actor, query),
    listVehicles(deps, actor, query),
    listQuotes(deps, actor, query),
  ]);
  return { clients: clients.items, vehicles: vehicles.items, quotes: quotes.items };
}
