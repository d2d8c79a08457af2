import { sql } from 'drizzle-orm';
import type { NamedClient } from '../../../domain/client/client-name';
import type { VehicleCategory } from '../../../domain/schemas/vehicle';
import type { Executor } from '../../db/client';
import { invoiceBalanceSql, owedInvoicesSql } from '../../db/invoice-balance';

/**
 * What the alert check reads, in a handful of set-based queries (never one per vehicle): the
 * alert feature's read model over vehicles, quotes and declined work.
 */
type Rows<T> = { rows: T[] };
async function rows<T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as Rows<T>).rows;
}

type ClientColumns = {
  client_id: string;
  kind: NamedClient['kind'];
  civility: NamedClient['civility'];
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
};

export type VehicleFacts = ClientColumns & {
  id: string;
  category: VehicleCategory;
  plate: string;
  first_registration_date: string | null;
  inspections: Array<{ date: string; result: 'pass' | 'major' | 'critical' }>;
  last_service: { date: string; km: number | null } | null;
  readings: Array<{ date: string; km: number }>;
};

export function selectVehicleFacts(db: Executor, readingsSince: string): Promise<VehicleFacts[]> {
  return rows<VehicleFacts>(
    db,
    sql`SELECT v.id, v.category, v.plate, v.first_registration_date::text AS first_registration_date,
        v.client_id, c.kind, c.civility, c.first_name, c.last_name, c.company_name,
        (SELECT coalesce(json_agg(json_build_object('date', i.date, 'result', i.result) ORDER BY i.date), '[]'::json)
           FROM inspections i WHERE i.vehicle_id = v.id) AS inspections,
        (SELECT json_build_object('date', s.date, 'km', s.km) FROM service_records s
           WHERE s.vehicle_id = v.id ORDER BY s.date DESC, s.created_at DESC LIMIT 1) AS last_service,
        (SELECT coalesce(json_agg(json_build_object('date', m.date, 'km', m.km) ORDER BY m.date), '[]'::json)
           FROM mileage_readings m WHERE m.vehicle_id = v.id AND m.date >= ${readingsSince}) AS readings
      FROM vehicles v JOIN clients c ON c.id = v.client_id
      WHERE v.archived_at IS NULL AND c.archived_at IS NULL`,
  );
}

export type SentQuoteFacts = ClientColumns & {
  id: string;
  number: string | null;
  sent_at: Date | string;
  valid_until: string;
  plate: string | null;
};

export function selectSentQuotes(db: Executor): Promise<SentQuoteFacts[]> {
  return rows<SentQuoteFacts>(
    db,
    sql`SELECT q.id, q.number, q.sent_at, q.valid_until::text AS valid_until, v.plate,
        q.client_id, c.kind, c.civility, c.first_name, c.last_name, c.company_name
      FROM quotes q JOIN clients c ON c.id = q.client_id LEFT JOIN vehicles v ON v.id = q.vehicle_id
      WHERE q.status = 'sent' AND q.archived_at IS NULL`,
  );
}

export type DeclinedWorkFacts = ClientColumns & {
  vehicle_id: string;
  plate: string;
  declined_on: string;
  items: string[];
};

/** Open declined work, grouped per vehicle and day it was declined. */
export function selectOpenDeclinedWork(db: Executor): Promise<DeclinedWorkFacts[]> {
  return rows<DeclinedWorkFacts>(
    db,
    sql`SELECT d.vehicle_id, v.plate, (d.created_at AT TIME ZONE 'Europe/Paris')::date::text AS declined_on,
        json_agg(d.description ORDER BY d.created_at) AS items,
        v.client_id, c.kind, c.civility, c.first_name, c.last_name, c.company_name
      FROM declined_work d JOIN vehicles v ON v.id = d.vehicle_id JOIN clients c ON c.id = v.client_id
      WHERE d.status = 'open' AND v.archived_at IS NULL
      GROUP BY d.vehicle_id, v.plate, 3, v.client_id, c.kind, c.civility, c.first_name, c.last_name, c.company_name`,
  );
}

export type UnpaidInvoiceFacts = {
  id: string;
  number: string;
  issue_date: string;
  due_date: string | null;
  client_id: string | null;
  buyer_name: string;
  balance_cents: string | number;
};

/** What is left to pay on an issued invoice (undefined: no such issued invoice). */
export async function selectInvoiceBalance(
  db: Executor,
  invoiceId: string,
): Promise<number | undefined> {
  const [row] = await rows<{ balance_cents: string | number }>(
    db,
    sql`SELECT ${invoiceBalanceSql('i')} AS balance_cents FROM invoices i
      WHERE i.id = ${invoiceId} AND i.status = 'issued'`,
  );
  return row ? Number(row.balance_cents) : undefined;
}

/**
 * Issued invoices and deposit invoices still owed and past their due date (`payment.dueDate`,
 * else the issue date) before `today`.
 */
export function selectUnpaidInvoices(db: Executor, today: string): Promise<UnpaidInvoiceFacts[]> {
  return rows<UnpaidInvoiceFacts>(
    db,
    sql`SELECT id, number, issue_date, due_date, client_id, buyer_name, balance_cents
      FROM ${owedInvoicesSql()} AS owed WHERE due_on < ${today}`,
  );
}
