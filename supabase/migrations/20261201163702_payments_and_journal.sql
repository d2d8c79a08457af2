CREATE TABLE "journal_closures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"level" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"first_seq" bigint,
	"last_seq" bigint,
	"totals" jsonb NOT NULL,
	"perpetual" jsonb NOT NULL,
	"journal_seq" bigint NOT NULL,
	"closed_at" timestamp with time zone NOT NULL,
	"closed_by_id" uuid,
	"closed_by_name" text
);
--> statement-breakpoint
ALTER TABLE "journal_closures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"day" date NOT NULL,
	"canonical" text NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	"signature" text NOT NULL,
	"key_id" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "journal_entries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "payment_allocations" (
	"payment_id" uuid NOT NULL,
	"invoice_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	CONSTRAINT "payment_allocations_payment_id_invoice_id_pk" PRIMARY KEY("payment_id","invoice_id")
);
--> statement-breakpoint
ALTER TABLE "payment_allocations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"method" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"received_on" date NOT NULL,
	"reference" text,
	"note" text,
	"client_id" uuid,
	"refunds_payment_id" uuid,
	"till_session_id" uuid,
	"journal_seq" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text
);
--> statement-breakpoint
ALTER TABLE "payments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "till_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"till_session_id" uuid NOT NULL,
	"amount_cents" bigint NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"by_id" uuid,
	"by_name" text,
	"journal_seq" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "till_movements" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "till_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"opened_by_id" uuid,
	"opened_by_name" text,
	"opening_float_cents" bigint NOT NULL,
	"counted_cents" bigint,
	"expected_cents" bigint,
	"closed_at" timestamp with time zone,
	"closed_by_id" uuid,
	"closed_by_name" text
);
--> statement-breakpoint
ALTER TABLE "till_sessions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invoices" ADD COLUMN "journal_seq" bigint;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_payment_id_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_allocations" ADD CONSTRAINT "payment_allocations_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_refunds_payment_id_payments_id_fk" FOREIGN KEY ("refunds_payment_id") REFERENCES "public"."payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_till_session_id_till_sessions_id_fk" FOREIGN KEY ("till_session_id") REFERENCES "public"."till_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "till_movements" ADD CONSTRAINT "till_movements_till_session_id_till_sessions_id_fk" FOREIGN KEY ("till_session_id") REFERENCES "public"."till_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "journal_closures_period_key" ON "journal_closures" USING btree ("level","period_start");--> statement-breakpoint
CREATE INDEX "journal_closures_end_idx" ON "journal_closures" USING btree ("period_end");--> statement-breakpoint
CREATE INDEX "journal_entries_day_idx" ON "journal_entries" USING btree ("day","seq");--> statement-breakpoint
CREATE INDEX "payment_allocations_invoice_idx" ON "payment_allocations" USING btree ("invoice_id");--> statement-breakpoint
CREATE INDEX "payments_client_idx" ON "payments" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "payments_refunds_idx" ON "payments" USING btree ("refunds_payment_id");--> statement-breakpoint
CREATE INDEX "payments_till_idx" ON "payments" USING btree ("till_session_id");--> statement-breakpoint
CREATE INDEX "payments_created_idx" ON "payments" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "till_movements_session_idx" ON "till_movements" USING btree ("till_session_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "till_sessions_open_key" ON "till_sessions" USING btree ((true)) WHERE "till_sessions"."closed_at" is null;--> statement-breakpoint
CREATE INDEX "till_sessions_opened_idx" ON "till_sessions" USING btree ("opened_at");--> statement-breakpoint-- The journal and what it records are append-only (docs/decisions/0018-journal.md): the
-- database itself refuses to change or remove a row, whoever asks, and the privileges to do so
-- are taken away from every role but a superuser's. A superuser can still disable the trigger:
-- the chain and its signatures are what find that.
CREATE FUNCTION gp_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'gp_append_only: % on % is refused (append-only)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;--> statement-breakpoint
CREATE TRIGGER journal_entries_append_only BEFORE UPDATE OR DELETE ON journal_entries
  FOR EACH ROW EXECUTE FUNCTION gp_refuse_change();--> statement-breakpoint
CREATE TRIGGER journal_entries_no_truncate BEFORE TRUNCATE ON journal_entries
  FOR EACH STATEMENT EXECUTE FUNCTION gp_refuse_change();--> statement-breakpoint
CREATE TRIGGER journal_closures_append_only BEFORE UPDATE OR DELETE ON journal_closures
  FOR EACH ROW EXECUTE FUNCTION gp_refuse_change();--> statement-breakpoint
CREATE TRIGGER payments_append_only BEFORE UPDATE OR DELETE ON payments
  FOR EACH ROW EXECUTE FUNCTION gp_refuse_change();--> statement-breakpoint
CREATE TRIGGER payment_allocations_append_only BEFORE UPDATE OR DELETE ON payment_allocations
  FOR EACH ROW EXECUTE FUNCTION gp_refuse_change();--> statement-breakpoint
CREATE TRIGGER till_movements_append_only BEFORE UPDATE OR DELETE ON till_movements
  FOR EACH ROW EXECUTE FUNCTION gp_refuse_change();--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON journal_entries, journal_closures, payments,
  payment_allocations, till_movements FROM PUBLIC;--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON journal_entries, journal_closures, payments,
  payment_allocations, till_movements FROM CURRENT_USER;--> statement-breakpoint
DO $$
DECLARE
  role_name text;
BEGIN
  -- Supabase's API roles are granted every table of `public` by default.
  FOREACH role_name IN ARRAY ARRAY['anon', 'authenticated', 'service_role'] LOOP
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN
      EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON journal_entries, journal_closures, '
        'payments, payment_allocations, till_movements FROM %I', role_name);
    END IF;
  END LOOP;
END
$$;
