import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { QUOTE_UNITS } from '../../domain/quote/totals';
import type { VatRateBp } from '../../domain/quote/vat';
import { DISPLAY_MODES } from '../../domain/schemas/display-token';
import {
  type DeductedDeposit,
  INVOICE_KINDS,
  INVOICE_STATUSES,
  type InvoiceBuyer,
  type InvoicePayment,
  type InvoiceReference,
  type InvoiceSeller,
  type InvoiceVehicle,
  OPERATION_CATEGORIES,
} from '../../domain/schemas/invoice';
import {
  CLOSURE_LEVELS,
  type ClosureTotals,
  JOURNAL_ENTRY_KINDS,
  type PerpetualTotals,
} from '../../domain/schemas/journal';
import { MAIL_KINDS, type MailAttachment, OUTBOX_STATUSES } from '../../domain/schemas/outbox';
import { PAYMENT_KINDS, PAYMENT_METHODS } from '../../domain/schemas/payment';
import {
  AMENDMENT_STATUSES,
  CLOCK_ACTIONS,
  FUEL_LEVELS,
  PART_CONDITIONS,
  PHOTO_TYPES,
  PIEC_CATEGORIES,
  PIEC_CHOICES,
  REPAIR_ORDER_ORIGINS,
  REPAIR_ORDER_STATUSES,
  SIGNATURE_KINDS,
} from '../../domain/schemas/repair-order';
import { MILEAGE_SOURCES } from '../../domain/schemas/vehicle';

/** Written only from QuoteLineInputSchema-checked lines. */
type QuoteUnit = (typeof QUOTE_UNITS)[number];

/**
 * Every table enables row level security with no policy: on Supabase the public REST API
 * (roles anon / authenticated) sees and writes nothing; the server connects as the owner.
 */

const customBytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

export const staff = pgTable(
  'staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role', { enum: ['admin', 'staff', 'display'] }).notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /**
     * Bumped (by trigger) when the account is deactivated, changes role or password, or its owner
     * logs out everywhere: a session opened for an older generation no longer opens anything
     * (docs/decisions/0013-login-limits-and-sessions.md).
     */
    sessionGeneration: integer('session_generation').notNull().default(1),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [uniqueIndex('staff_email_key').on(table.email)],
).enableRLS();

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's secret: a leaked table does not give live sessions away. */
    id: text('id').primaryKey(),
    /** A staff member's session, or else a wall screen's (display token). */
    staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    displayTokenId: uuid('display_token_id').references(() => displayTokens.id, {
      onDelete: 'cascade',
    }),
    /** A staff session: the owner's `session_generation` it was issued for. */
    generation: integer('generation'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' })
      .notNull()
      .defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (table) => [
    index('sessions_staff_id_idx').on(table.staffId),
    index('sessions_display_token_idx').on(table.displayTokenId),
    check(
      'sessions_one_owner',
      sql`(${table.staffId} IS NULL) <> (${table.displayTokenId} IS NULL)`,
    ),
    check(
      'sessions_staff_generation',
      sql`(${table.staffId} IS NULL) = (${table.generation} IS NULL)`,
    ),
  ],
).enableRLS();

/**
 * Sign-in attempts counted per key (an address, an account, an account from an address) in a
 * window that starts with the key's first attempt; counted before the password is checked
 * (docs/decisions/0013-login-limits-and-sessions.md).
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  attempts: integer('attempts').notNull(),
}).enableRLS();

/** Where an account signed in successfully: the account-wide ceiling spares these addresses. */
export const loginKnownAddresses = pgTable(
  'login_known_addresses',
  {
    staffId: uuid('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'cascade' }),
    address: text('address').notNull(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.staffId, table.address] })],
).enableRLS();

/** Wall screens: a named secret exchanged for a read-only `display` session. */
export const displayTokens = pgTable('display_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** SHA-256 of the secret, which is shown once at creation. */
  tokenHash: text('token_hash').notNull().unique(),
  mode: text('mode', { enum: DISPLAY_MODES }).notNull().default('dashboard'),
  createdById: uuid('created_by_id'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
}).enableRLS();

export const clients = pgTable(
  'clients',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['person', 'business'] }).notNull(),
    civility: text('civility', { enum: ['mr', 'mrs'] }),
    firstName: text('first_name'),
    lastName: text('last_name'),
    companyName: text('company_name'),
    siret: text('siret'),
    vatNumber: text('vat_number'),
    email: text('email'),
    phones: text('phones').array().notNull().default(sql`'{}'::text[]`),
    street: text('street'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country').notNull().default('FR'),
    notes: text('notes'),
    consentReminders: boolean('consent_reminders').notNull().default(false),
    /** Lower-case, accent-free name used for ordering and keyset pagination. */
    sortName: text('sort_name').notNull(),
    /** Lower-case, accent-free haystack (names, email, phones, city…) behind a trigram index. */
    searchText: text('search_text').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('clients_sort_idx').on(table.sortName, table.id),
    index('clients_search_trgm_idx').using('gin', table.searchText.op('gin_trgm_ops')),
  ],
).enableRLS();

export const changes = pgTable(
  'changes',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    data: jsonb('data').notNull(),
  },
  (table) => [index('changes_entity_idx').on(table.entity, table.entityId, table.seq)],
).enableRLS();

const dateColumn = (name: string) => date(name, { mode: 'string' });
const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const vehicles = pgTable(
  'vehicles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The current owner; earlier owners are in vehicle_owners. */
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    category: text('category', {
      enum: ['car', 'van', 'motorbike', 'collector', 'professional'],
    }).notNull(),
    plate: text('plate').notNull(),
    plateKind: text('plate_kind', { enum: ['siv', 'siv_temporary', 'fni', 'foreign'] }).notNull(),
    /** Upper-case letters and digits of the plate: a search matches any spacing. */
    plateKey: text('plate_key').notNull(),
    vin: text('vin'),
    make: text('make'),
    model: text('model'),
    fuel: text('fuel'),
    firstRegistrationDate: dateColumn('first_registration_date'),
    notes: text('notes'),
    searchText: text('search_text').notNull(),
    /** The owner's name, normalised: "find the vehicle by its owner" without a join; kept by a
     * trigger on vehicles and clients (migration `party_search_triggers`, decision 0010). */
    ownerSearchText: text('owner_search_text').notNull().default(''),
    archivedAt: instant('archived_at'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    index('vehicles_client_idx').on(table.clientId),
    index('vehicles_owner_trgm_idx').using('gin', table.ownerSearchText.op('gin_trgm_ops')),
    index('vehicles_plate_key_idx').on(table.plateKey),
    index('vehicles_sort_idx').on(table.plateKey, table.id),
    index('vehicles_search_trgm_idx').using('gin', table.searchText.op('gin_trgm_ops')),
  ],
).enableRLS();

export const vehicleOwners = pgTable(
  'vehicle_owners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    fromAt: instant('from_at').notNull().defaultNow(),
    toAt: instant('to_at'),
  },
  (table) => [index('vehicle_owners_vehicle_idx').on(table.vehicleId, table.fromAt)],
).enableRLS();

export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    date: dateColumn('date').notNull(),
    result: text('result', { enum: ['pass', 'major', 'critical'] }).notNull(),
    notes: text('notes'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [index('inspections_vehicle_idx').on(table.vehicleId, table.date)],
).enableRLS();

export const mileageReadings = pgTable(
  'mileage_readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    date: dateColumn('date').notNull(),
    km: integer('km').notNull(),
    source: text('source', { enum: MILEAGE_SOURCES }).notNull().default('manual'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [index('mileage_readings_vehicle_idx').on(table.vehicleId, table.date)],
).enableRLS();

export const quotes = pgTable(
  'quotes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    vehicleId: uuid('vehicle_id').references(() => vehicles.id),
    mileageKm: integer('mileage_km'),
    status: text('status', {
      enum: ['draft', 'sent', 'accepted', 'partially_accepted', 'refused', 'expired'],
    }).notNull(),
    /** DEV-YYYY-NNNNN, given when first sent; kept by later revisions. */
    number: text('number'),
    revision: integer('revision').notNull().default(1),
    validUntil: dateColumn('valid_until').notNull(),
    notes: text('notes'),
    vatExempt: boolean('vat_exempt').notNull().default(false),
    exclVatCents: bigint('excl_vat_cents', { mode: 'number' }).notNull().default(0),
    vatCents: bigint('vat_cents', { mode: 'number' }).notNull().default(0),
    inclVatCents: bigint('incl_vat_cents', { mode: 'number' }).notNull().default(0),
    /** What the client agreed to, excl. VAT (all lines, or the accepted ones): the dashboard sums it. */
    acceptedExclVatCents: bigint('accepted_excl_vat_cents', { mode: 'number' }),
    sentAt: instant('sent_at'),
    decidedAt: instant('decided_at'),
    decisionChannel: text('decision_channel', {
      enum: ['in_person', 'phone', 'email', 'signature'],
    }),
    decisionSignerName: text('decision_signer_name'),
    decisionReason: text('decision_reason'),
    decidedById: uuid('decided_by_id'),
    decidedByName: text('decided_by_name'),
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name'),
    searchText: text('search_text').notNull(),
    /** The client's name and the vehicle's plate, normalised; kept by triggers (decision 0010). */
    partySearchText: text('party_search_text').notNull().default(''),
    archivedAt: instant('archived_at'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('quotes_number_key').on(table.number),
    index('quotes_party_trgm_idx').using('gin', table.partySearchText.op('gin_trgm_ops')),
    index('quotes_client_idx').on(table.clientId, table.createdAt),
    index('quotes_vehicle_idx').on(table.vehicleId, table.createdAt),
    index('quotes_status_idx').on(table.status, table.validUntil),
    index('quotes_list_idx').on(table.createdAt, table.id),
    // The quotes waiting for an answer, longest first: a few among hundreds of thousands sent.
    index('quotes_awaiting_idx')
      .on(table.sentAt, table.id)
      .where(sql`${table.status} = 'sent' AND ${table.archivedAt} IS NULL`),
    index('quotes_search_trgm_idx').using('gin', table.searchText.op('gin_trgm_ops')),
  ],
).enableRLS();

export const quoteJobs = pgTable(
  'quote_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
  },
  (table) => [index('quote_jobs_quote_idx').on(table.quoteId, table.position)],
).enableRLS();

export const quoteLines = pgTable(
  'quote_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id')
      .notNull()
      .references(() => quoteJobs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['labour', 'part', 'fee'] }).notNull(),
    description: text('description').notNull(),
    reference: text('reference'),
    /** Thousandths: 1.5 h is 1500, exact, no numeric-to-float conversion on the way out. */
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unit: text('unit').$type<QuoteUnit>().notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    vatRateBp: integer('vat_rate_bp').$type<VatRateBp>().notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    totalExclVatCents: bigint('total_excl_vat_cents', { mode: 'number' }).notNull(),
    /** Line-by-line acceptance: null until decided. */
    accepted: boolean('accepted'),
  },
  (table) => [index('quote_lines_quote_idx').on(table.quoteId, table.position)],
).enableRLS();

/** A sent revision frozen when the quote is revised: v2 keeps v1 readable. */
export const quoteRevisions = pgTable(
  'quote_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    quoteId: uuid('quote_id')
      .notNull()
      .references(() => quotes.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [uniqueIndex('quote_revisions_key').on(table.quoteId, table.revision)],
).enableRLS();

/** Gapless numbering: the row is locked by the sending transaction until it commits. */
export const quoteNumberSequences = pgTable('quote_number_sequences', {
  year: integer('year').primaryKey(),
  lastValue: integer('last_value').notNull(),
}).enableRLS();

/** "Travaux à prévoir": declined or expired lines kept on the vehicle to propose again. */
export const declinedWork = pgTable(
  'declined_work',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    quoteId: uuid('quote_id').references(() => quotes.id, { onDelete: 'set null' }),
    quoteLineId: uuid('quote_line_id'),
    /** Extra work refused on a repair order (decision 0016), and its line: kept once. */
    repairOrderId: uuid('repair_order_id').references(() => repairOrders.id, {
      onDelete: 'set null',
    }),
    repairOrderLineId: uuid('repair_order_line_id'),
    description: text('description').notNull(),
    amountExclVatCents: bigint('amount_excl_vat_cents', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['open', 'done', 'dismissed'] })
      .notNull()
      .default('open'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [index('declined_work_vehicle_idx').on(table.vehicleId, table.status)],
).enableRLS();

/** One row (id 1): the company identity and quoting settings, validated by SettingsValuesSchema. */
export const settings = pgTable('settings', {
  id: integer('id').primaryKey(),
  data: jsonb('data').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: instant('updated_at').notNull().defaultNow(),
}).enableRLS();

/** Services done on a vehicle (oil, filters…): the service-due rule counts from the last one. */
export const serviceRecords = pgTable(
  'service_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id, { onDelete: 'cascade' }),
    date: dateColumn('date').notNull(),
    km: integer('km'),
    notes: text('notes'),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (table) => [index('service_records_vehicle_idx').on(table.vehicleId, table.date)],
).enableRLS();

/** One inbox for the whole team. `dedupe_key` makes repeated checks idempotent. */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', {
      enum: [
        'ct_due',
        'service_due',
        'quote_followup',
        'quote_expiring',
        'declined_work',
        'invoice_overdue',
        'custom',
      ],
    }).notNull(),
    severity: text('severity', { enum: ['soon', 'urgent', 'overdue'] }).notNull(),
    status: text('status', { enum: ['open', 'acknowledged', 'snoozed', 'resolved'] }).notNull(),
    dueDate: dateColumn('due_date').notNull(),
    title: text('title').notNull(),
    detail: text('detail'),
    subjectType: text('subject_type', {
      enum: ['vehicle', 'quote', 'client', 'invoice'],
    }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    subjectLabel: text('subject_label').notNull(),
    clientId: uuid('client_id'),
    dedupeKey: text('dedupe_key').notNull(),
    assigneeId: uuid('assignee_id').references(() => staff.id, { onDelete: 'set null' }),
    snoozedUntil: dateColumn('snoozed_until'),
    resolvedAt: instant('resolved_at'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('alerts_dedupe_key').on(table.dedupeKey),
    index('alerts_status_idx').on(table.status, table.severity, table.dueDate),
    index('alerts_subject_idx').on(table.subjectType, table.subjectId),
  ],
).enableRLS();

/** When each scheduled job last ran, shared by every instance. */
export const jobRuns = pgTable('job_runs', {
  name: text('name').primaryKey(),
  startedAt: instant('started_at').notNull(),
  finishedAt: instant('finished_at'),
  summary: jsonb('summary'),
  error: text('error'),
}).enableRLS();

/** Socket.IO's PostgreSQL adapter: payloads too big for NOTIFY (managed by the adapter). */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigint('id', { mode: 'number' }).generatedByDefaultAsIdentity().unique(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).defaultNow(),
  payload: customBytea('payload'),
}).enableRLS();

/**
 * The dashboard's counters, kept by triggers on quotes, alerts and changes (migration
 * `dashboard_stats`): one row per metric, key and Paris day, appended as deltas by each write
 * statement and folded back into one row each by `compactDashboardStats`. The dashboard sums a
 * few thousand rows here instead of scanning hundreds of thousands of quotes (decision 0008).
 */
export const dashboardStats = pgTable(
  'dashboard_stats',
  {
    /** `created` / `decided` (key: quote status), `sent`, `alert` (key: kind:severity), `activity`. */
    metric: text('metric').notNull(),
    key: text('key').notNull(),
    /** Paris calendar day: of creation, sending, decision, the change; an alert's due date. */
    day: date('day', { mode: 'string' }).notNull(),
    count: integer('count').notNull(),
    valueCents: bigint('value_cents', { mode: 'number' }).notNull(),
  },
  (table) => [index('dashboard_stats_metric_day_idx').on(table.metric, table.day)],
).enableRLS();

/*
 * Repair orders ("ordres de réparation", decision 0016). The OR row holds the check-in and the
 * hand-back; its work is jobs and lines as a quote's, an amendment's jobs naming it. Signatures
 * and photos keep their image bytes here, read only by their own routes.
 */
export const repairOrders = pgTable(
  'repair_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** OR-YYYY-NNNNN, given at opening from repair_order_number_sequences. */
    number: text('number').notNull(),
    status: text('status', { enum: REPAIR_ORDER_STATUSES }).notNull(),
    origin: text('origin', { enum: REPAIR_ORDER_ORIGINS }).notNull(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id),
    vehicleId: uuid('vehicle_id')
      .notNull()
      .references(() => vehicles.id),
    quoteId: uuid('quote_id').references(() => quotes.id),
    technicianId: uuid('technician_id').references(() => staff.id, { onDelete: 'set null' }),
    promisedAt: instant('promised_at'),
    mileageKm: integer('mileage_km'),
    fuelLevel: text('fuel_level', { enum: FUEL_LEVELS }),
    damage: text('damage'),
    checkInNotes: text('check_in_notes'),
    keysTag: text('keys_tag'),
    /** When the customer signed the check-in. */
    checkedInAt: instant('checked_in_at'),
    notes: text('notes'),
    vatExempt: boolean('vat_exempt').notNull().default(false),
    /** The hand-back: when (the OR is closed and locked from then), by whom, what was ticked. */
    closedAt: instant('closed_at'),
    handedBackById: uuid('handed_back_by_id'),
    handedBackByName: text('handed_back_by_name'),
    handBackChecklist: jsonb('hand_back_checklist').$type<{
      workDone: boolean;
      declinedWorkReminded: boolean;
      nextDueReminded: boolean;
    }>(),
    handBackSignatureId: uuid('hand_back_signature_id'),
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('repair_orders_number_key').on(table.number),
    // One OR per quote: a second opening is refused (quote_already_ordered).
    uniqueIndex('repair_orders_quote_key').on(table.quoteId),
    index('repair_orders_list_idx').on(table.createdAt, table.id),
    // The board: the open ORs, a few hundred at most among years of closed ones.
    index('repair_orders_open_idx')
      .on(table.createdAt)
      .where(sql`${table.status} <> 'handed_back'`),
    index('repair_orders_closed_idx').on(table.closedAt),
    index('repair_orders_vehicle_idx').on(table.vehicleId, table.createdAt),
    index('repair_orders_client_idx').on(table.clientId, table.createdAt),
    index('repair_orders_technician_idx').on(table.technicianId),
  ],
).enableRLS();

/** Gapless numbering per year, as quotes': the row stays locked by the opening transaction. */
export const repairOrderNumberSequences = pgTable('repair_order_number_sequences', {
  year: integer('year').primaryKey(),
  lastValue: integer('last_value').notNull(),
}).enableRLS();

/** Extra work found during the job, waiting for the customer's answer or answered. */
export const repairOrderAmendments = pgTable(
  'repair_order_amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order, the order the OR lists them in (timestamps can tie). */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    repairOrderId: uuid('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'cascade' }),
    status: text('status', { enum: AMENDMENT_STATUSES }).notNull(),
    note: text('note'),
    createdAt: instant('created_at').notNull().defaultNow(),
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name'),
    decidedAt: instant('decided_at'),
    decisionChannel: text('decision_channel', { enum: ['signature', 'phone'] }),
    decidedById: uuid('decided_by_id'),
    decidedByName: text('decided_by_name'),
    caller: text('caller'),
    callee: text('callee'),
    calledAt: instant('called_at'),
    signatureId: uuid('signature_id'),
    reason: text('reason'),
  },
  (table) => [index('repair_order_amendments_order_idx').on(table.repairOrderId, table.seq)],
).enableRLS();

export const repairOrderJobs = pgTable(
  'repair_order_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    repairOrderId: uuid('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    /** Null for the work ordered at opening. */
    amendmentId: uuid('amendment_id').references(() => repairOrderAmendments.id, {
      onDelete: 'cascade',
    }),
    technicianId: uuid('technician_id').references(() => staff.id, { onDelete: 'set null' }),
  },
  (table) => [index('repair_order_jobs_order_idx').on(table.repairOrderId, table.position)],
).enableRLS();

export const repairOrderLines = pgTable(
  'repair_order_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    repairOrderId: uuid('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id')
      .notNull()
      .references(() => repairOrderJobs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['labour', 'part', 'fee'] }).notNull(),
    description: text('description').notNull(),
    reference: text('reference'),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unit: text('unit').$type<QuoteUnit>().notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    vatRateBp: integer('vat_rate_bp').$type<VatRateBp>().notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    totalExclVatCents: bigint('total_excl_vat_cents', { mode: 'number' }).notNull(),
    piecCategory: text('piec_category', { enum: PIEC_CATEGORIES }),
    piecChoice: text('piec_choice', { enum: PIEC_CHOICES }),
    partCondition: text('part_condition', { enum: PART_CONDITIONS }),
    /** The accepted quote line it was copied from. */
    quoteLineId: uuid('quote_line_id'),
  },
  (table) => [index('repair_order_lines_order_idx').on(table.repairOrderId, table.position)],
).enableRLS();

/**
 * What the customer signed: the canonical text of the OR version (`canonicalRepairOrder`), its
 * SHA-256, and the drawn signature as PNG bytes.
 */
export const repairOrderSignatures = pgTable(
  'repair_order_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order, the order the OR lists them in (timestamps can tie). */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    repairOrderId: uuid('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SIGNATURE_KINDS }).notNull(),
    amendmentId: uuid('amendment_id').references(() => repairOrderAmendments.id, {
      onDelete: 'cascade',
    }),
    signerName: text('signer_name').notNull(),
    signedAt: instant('signed_at').notNull(),
    recordedById: uuid('recorded_by_id'),
    recordedByName: text('recorded_by_name'),
    versionHash: text('version_hash').notNull(),
    version: integer('version').notNull(),
    signedText: text('signed_text').notNull(),
    image: customBytea('image').notNull(),
  },
  (table) => [index('repair_order_signatures_order_idx').on(table.repairOrderId, table.seq)],
).enableRLS();

/** Check-in photos, bytes in Postgres (decision 0016): at most PHOTOS_MAX of PHOTO_MAX_BYTES. */
export const repairOrderPhotos = pgTable(
  'repair_order_photos',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order, the order the OR lists them in (timestamps can tie). */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    repairOrderId: uuid('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'cascade' }),
    /** Read from the bytes' signature, never from the name or the declared type. */
    contentType: text('content_type', { enum: PHOTO_TYPES }).notNull(),
    bytes: integer('bytes').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    data: customBytea('data').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name'),
  },
  (table) => [index('repair_order_photos_order_idx').on(table.repairOrderId, table.seq)],
).enableRLS();

/** A technician clocking on or off a job: time spent is summed from these (domain at-risk.ts). */
export const repairOrderClockEvents = pgTable(
  'repair_order_clock_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Insertion order: a start and a stop in the same millisecond still read in that order. */
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    repairOrderId: uuid('repair_order_id')
      .notNull()
      .references(() => repairOrders.id, { onDelete: 'cascade' }),
    jobId: uuid('job_id')
      .notNull()
      .references(() => repairOrderJobs.id, { onDelete: 'cascade' }),
    technicianId: uuid('technician_id').notNull(),
    technicianName: text('technician_name').notNull(),
    action: text('action', { enum: CLOCK_ACTIONS }).notNull(),
    at: instant('at').notNull(),
  },
  (table) => [index('repair_order_clock_events_order_idx').on(table.repairOrderId, table.seq)],
).enableRLS();

/**
 * Invoices, credit notes and deposit invoices (decision 0017): the parties as jsonb snapshots
 * taken when the draft is made, the lines in `invoice_lines`, the number and the issue date set
 * once on issue, after which no write touches the row. The totals are kept beside the content
 * for lists and sums; the record's totals are always recomputed from the lines.
 */
export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: INVOICE_KINDS }).notNull(),
    status: text('status', { enum: INVOICE_STATUSES }).notNull(),
    /** FAC-YYYY-NNNNN / AV-YYYY-NNNNN from invoice_number_sequences, on issue. */
    number: text('number'),
    issueDate: date('issue_date', { mode: 'string' }),
    issuedAt: instant('issued_at'),
    serviceDate: date('service_date', { mode: 'string' }),
    operationCategory: text('operation_category', { enum: OPERATION_CATEGORIES }).notNull(),
    seller: jsonb('seller').$type<InvoiceSeller>().notNull(),
    buyer: jsonb('buyer').$type<InvoiceBuyer>().notNull(),
    vehicle: jsonb('vehicle').$type<InvoiceVehicle>(),
    payment: jsonb('payment').$type<InvoicePayment>().notNull(),
    /** The buyer's client, for the lists' filter (the snapshot keeps the name as it was). */
    clientId: uuid('client_id').references(() => clients.id),
    repairOrderId: uuid('repair_order_id').references(() => repairOrders.id),
    repairOrderNumber: text('repair_order_number'),
    quoteId: uuid('quote_id').references(() => quotes.id),
    quoteNumber: text('quote_number'),
    /** A credit note's invoice (BT-25, BT-26): the id here, its number and date in `corrects`. */
    correctsInvoiceId: uuid('corrects_invoice_id').references((): AnyPgColumn => invoices.id),
    corrects: jsonb('corrects').$type<InvoiceReference>(),
    /** The deposit invoices a final invoice deducts, fixed on issue (BT-113). */
    deductedDeposits: jsonb('deducted_deposits').$type<DeductedDeposit[]>().notNull().default([]),
    note: text('note'),
    lineTotalCents: bigint('line_total_cents', { mode: 'number' }).notNull().default(0),
    vatTotalCents: bigint('vat_total_cents', { mode: 'number' }).notNull().default(0),
    grandTotalCents: bigint('grand_total_cents', { mode: 'number' }).notNull().default(0),
    prepaidCents: bigint('prepaid_cents', { mode: 'number' }).notNull().default(0),
    duePayableCents: bigint('due_payable_cents', { mode: 'number' }).notNull().default(0),
    /** SHA-256 (hex) of the CII XML built on issue: what the PDF embeds must hash the same. */
    ciiSha256: text('cii_sha256'),
    /** Its entry in the journal, appended on issue (decision 0018). */
    journalSeq: bigint('journal_seq', { mode: 'number' }),
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name'),
    issuedById: uuid('issued_by_id'),
    issuedByName: text('issued_by_name'),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (table) => [
    uniqueIndex('invoices_number_key').on(table.number),
    // One invoice per OR and per quote sold over the counter; deposits and credit notes aside.
    uniqueIndex('invoices_repair_order_key')
      .on(table.repairOrderId)
      .where(sql`${table.kind} = 'invoice'`),
    uniqueIndex('invoices_quote_key')
      .on(table.quoteId)
      .where(sql`${table.kind} = 'invoice' and ${table.repairOrderId} is null`),
    index('invoices_list_idx').on(table.createdAt, table.id),
    index('invoices_client_idx').on(table.clientId, table.createdAt),
    index('invoices_corrects_idx').on(table.correctsInvoiceId),
    index('invoices_quote_idx').on(table.quoteId),
    check(
      'invoices_issued_numbered',
      sql`(${table.status} = 'draft') = (${table.number} is null and ${table.issueDate} is null)`,
    ),
  ],
).enableRLS();

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind', { enum: ['labour', 'part', 'fee'] }).notNull(),
    description: text('description').notNull(),
    reference: text('reference'),
    quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
    unit: text('unit').$type<QuoteUnit>().notNull(),
    unitPriceCents: bigint('unit_price_cents', { mode: 'number' }).notNull(),
    vatRateBp: integer('vat_rate_bp').$type<VatRateBp>().notNull(),
    discountBp: integer('discount_bp').notNull().default(0),
    partCondition: text('part_condition', { enum: PART_CONDITIONS }),
    /** On a credit note: the corrected invoice's line it credits (never more than it left). */
    creditedLineId: uuid('credited_line_id').references((): AnyPgColumn => invoiceLines.id),
  },
  (table) => [
    index('invoice_lines_invoice_idx').on(table.invoiceId, table.position),
    index('invoice_lines_credited_idx').on(table.creditedLineId),
  ],
).enableRLS();

/**
 * Gapless numbering per series (FAC, AV) and Paris year, as quotes' and ORs': the row stays
 * locked by the issuing transaction until it commits, so a rollback gives the number back.
 */
export const invoiceNumberSequences = pgTable(
  'invoice_number_sequences',
  {
    prefix: text('prefix', { enum: ['FAC', 'AV'] }).notNull(),
    year: integer('year').notNull(),
    lastValue: integer('last_value').notNull(),
  },
  (table) => [primaryKey({ columns: [table.prefix, table.year] })],
).enableRLS();

/**
 * The tamper-evident journal (decision 0018): appended in the write's transaction, seq taken
 * gapless under an advisory lock, never updated nor deleted (a trigger refuses it, and the
 * privileges are revoked, in the migration). `canonical` is the exact text hashed.
 */
export const journalEntries = pgTable(
  'journal_entries',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    kind: text('kind', { enum: JOURNAL_ENTRY_KINDS }).notNull(),
    recordedAt: instant('recorded_at').notNull(),
    /** The Paris day it was recorded: what closures and closed periods go by. */
    day: dateColumn('day').notNull(),
    canonical: text('canonical').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    signature: text('signature').notNull(),
    keyId: text('key_id').notNull(),
  },
  (table) => [index('journal_entries_day_idx').on(table.day, table.seq)],
).enableRLS();

/** Day, month and year closures; each one is also an entry of the journal (`journal_seq`). */
export const journalClosures = pgTable(
  'journal_closures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    level: text('level', { enum: CLOSURE_LEVELS }).notNull(),
    periodStart: dateColumn('period_start').notNull(),
    periodEnd: dateColumn('period_end').notNull(),
    firstSeq: bigint('first_seq', { mode: 'number' }),
    lastSeq: bigint('last_seq', { mode: 'number' }),
    totals: jsonb('totals').$type<ClosureTotals>().notNull(),
    perpetual: jsonb('perpetual').$type<PerpetualTotals>().notNull(),
    journalSeq: bigint('journal_seq', { mode: 'number' }).notNull(),
    closedAt: instant('closed_at').notNull(),
    closedById: uuid('closed_by_id'),
    closedByName: text('closed_by_name'),
  },
  (table) => [
    uniqueIndex('journal_closures_period_key').on(table.level, table.periodStart),
    index('journal_closures_end_idx').on(table.periodEnd),
  ],
).enableRLS();

/** A till session: opened with a float, counted at closing (decision 0018). */
export const tillSessions = pgTable(
  'till_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    openedAt: instant('opened_at').notNull(),
    openedById: uuid('opened_by_id'),
    openedByName: text('opened_by_name'),
    openingFloatCents: bigint('opening_float_cents', { mode: 'number' }).notNull(),
    countedCents: bigint('counted_cents', { mode: 'number' }),
    expectedCents: bigint('expected_cents', { mode: 'number' }),
    closedAt: instant('closed_at'),
    closedById: uuid('closed_by_id'),
    closedByName: text('closed_by_name'),
  },
  (table) => [
    // One till open at a time.
    uniqueIndex('till_sessions_open_key').on(sql`(true)`).where(sql`${table.closedAt} is null`),
    index('till_sessions_opened_idx').on(table.openedAt),
  ],
).enableRLS();

export const tillMovements = pgTable(
  'till_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tillSessionId: uuid('till_session_id')
      .notNull()
      .references(() => tillSessions.id),
    /** Signed: put in the drawer positive, taken out negative. */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    at: instant('at').notNull(),
    byId: uuid('by_id'),
    byName: text('by_name'),
    journalSeq: bigint('journal_seq', { mode: 'number' }).notNull(),
  },
  (table) => [index('till_movements_session_idx').on(table.tillSessionId, table.at)],
).enableRLS();

/** Payments and refunds: rows are only ever inserted (a refund is a new negative one). */
export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: PAYMENT_KINDS }).notNull(),
    method: text('method', { enum: PAYMENT_METHODS }).notNull(),
    /** Signed: a refund is negative. */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    receivedOn: dateColumn('received_on').notNull(),
    reference: text('reference'),
    note: text('note'),
    clientId: uuid('client_id').references(() => clients.id),
    refundsPaymentId: uuid('refunds_payment_id').references((): AnyPgColumn => payments.id),
    tillSessionId: uuid('till_session_id').references(() => tillSessions.id),
    journalSeq: bigint('journal_seq', { mode: 'number' }).notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    createdById: uuid('created_by_id'),
    createdByName: text('created_by_name'),
  },
  (table) => [
    index('payments_client_idx').on(table.clientId, table.createdAt),
    index('payments_refunds_idx').on(table.refundsPaymentId),
    index('payments_till_idx').on(table.tillSessionId),
    index('payments_created_idx').on(table.createdAt, table.id),
  ],
).enableRLS();

export const paymentAllocations = pgTable(
  'payment_allocations',
  {
    paymentId: uuid('payment_id')
      .notNull()
      .references(() => payments.id),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** Signed as its payment. */
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.paymentId, table.invoiceId] }),
    index('payment_allocations_invoice_idx').on(table.invoiceId),
  ],
).enableRLS();

/**
 * Outgoing e-mail, written in the transaction of the write that sends it and delivered by the
 * mail worker (docs/decisions/0019-outbox.md). `message_id` is fixed at queue time: a retry
 * after a crash sends the same Message-ID.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: MAIL_KINDS }).notNull(),
    to: text('to').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html'),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    messageId: text('message_id').notNull().unique(),
    sentAt: instant('sent_at'),
    createdAt: instant('created_at').notNull(),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'set null' }),
    quoteId: uuid('quote_id').references(() => quotes.id, { onDelete: 'set null' }),
  },
  (table) => [
    index('outbox_messages_due_idx').on(table.status, table.nextAttemptAt),
    index('outbox_messages_created_idx').on(table.createdAt, table.id),
    index('outbox_messages_client_idx').on(table.clientId),
    index('outbox_messages_quote_idx').on(table.quoteId),
  ],
).enableRLS();
