CREATE TABLE "repair_order_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "repair_order_amendments_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"repair_order_id" uuid NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text,
	"decided_at" timestamp with time zone,
	"decision_channel" text,
	"decided_by_id" uuid,
	"decided_by_name" text,
	"caller" text,
	"callee" text,
	"called_at" timestamp with time zone,
	"signature_id" uuid,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "repair_order_amendments" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "repair_order_clock_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "repair_order_clock_events_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"repair_order_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"technician_id" uuid NOT NULL,
	"technician_name" text NOT NULL,
	"action" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "repair_order_clock_events" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "repair_order_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"repair_order_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"amendment_id" uuid,
	"technician_id" uuid
);
--> statement-breakpoint
ALTER TABLE "repair_order_jobs" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "repair_order_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"repair_order_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"reference" text,
	"quantity_milli" bigint NOT NULL,
	"unit" text NOT NULL,
	"unit_price_cents" bigint NOT NULL,
	"vat_rate_bp" integer NOT NULL,
	"discount_bp" integer DEFAULT 0 NOT NULL,
	"total_excl_vat_cents" bigint NOT NULL,
	"piec_category" text,
	"piec_choice" text,
	"part_condition" text,
	"quote_line_id" uuid
);
--> statement-breakpoint
ALTER TABLE "repair_order_lines" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "repair_order_number_sequences" (
	"year" integer PRIMARY KEY NOT NULL,
	"last_value" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "repair_order_number_sequences" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "repair_order_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "repair_order_photos_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"repair_order_id" uuid NOT NULL,
	"content_type" text NOT NULL,
	"bytes" integer NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by_id" uuid,
	"created_by_name" text
);
--> statement-breakpoint
ALTER TABLE "repair_order_photos" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "repair_order_signatures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "repair_order_signatures_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"repair_order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amendment_id" uuid,
	"signer_name" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"recorded_by_id" uuid,
	"recorded_by_name" text,
	"version_hash" text NOT NULL,
	"version" integer NOT NULL,
	"signed_text" text NOT NULL,
	"image" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "repair_order_signatures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE TABLE "repair_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"client_id" uuid NOT NULL,
	"vehicle_id" uuid NOT NULL,
	"quote_id" uuid,
	"technician_id" uuid,
	"promised_at" timestamp with time zone,
	"mileage_km" integer,
	"fuel_level" text,
	"damage" text,
	"check_in_notes" text,
	"keys_tag" text,
	"checked_in_at" timestamp with time zone,
	"notes" text,
	"vat_exempt" boolean DEFAULT false NOT NULL,
	"closed_at" timestamp with time zone,
	"handed_back_by_id" uuid,
	"handed_back_by_name" text,
	"hand_back_checklist" jsonb,
	"hand_back_signature_id" uuid,
	"created_by_id" uuid,
	"created_by_name" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "repair_orders" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "declined_work" ADD COLUMN "repair_order_id" uuid;--> statement-breakpoint
ALTER TABLE "declined_work" ADD COLUMN "repair_order_line_id" uuid;--> statement-breakpoint
ALTER TABLE "repair_order_amendments" ADD CONSTRAINT "repair_order_amendments_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "public"."repair_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_order_clock_events" ADD CONSTRAINT "repair_order_clock_events_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "public"."repair_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_order_clock_events" ADD CONSTRAINT "repair_order_clock_events_job_id_repair_order_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."repair_order_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_order_jobs" ADD CONSTRAINT "repair_order_jobs_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "public"."repair_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_order_jobs" ADD CONSTRAINT "repair_order_jobs_amendment_id_repair_order_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."repair_order_amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_order_jobs" ADD CONSTRAINT "repair_order_jobs_technician_id_staff_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_order_lines" ADD CONSTRAINT "repair_order_lines_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "public"."repair_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_order_lines" ADD CONSTRAINT "repair_order_lines_job_id_repair_order_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."repair_order_jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_order_photos" ADD CONSTRAINT "repair_order_photos_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "public"."repair_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_order_signatures" ADD CONSTRAINT "repair_order_signatures_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "public"."repair_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_order_signatures" ADD CONSTRAINT "repair_order_signatures_amendment_id_repair_order_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."repair_order_amendments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_orders" ADD CONSTRAINT "repair_orders_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_orders" ADD CONSTRAINT "repair_orders_vehicle_id_vehicles_id_fk" FOREIGN KEY ("vehicle_id") REFERENCES "public"."vehicles"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_orders" ADD CONSTRAINT "repair_orders_quote_id_quotes_id_fk" FOREIGN KEY ("quote_id") REFERENCES "public"."quotes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "repair_orders" ADD CONSTRAINT "repair_orders_technician_id_staff_id_fk" FOREIGN KEY ("technician_id") REFERENCES "public"."staff"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "repair_order_amendments_order_idx" ON "repair_order_amendments" USING btree ("repair_order_id","seq");--> statement-breakpoint
CREATE INDEX "repair_order_clock_events_order_idx" ON "repair_order_clock_events" USING btree ("repair_order_id","seq");--> statement-breakpoint
CREATE INDEX "repair_order_jobs_order_idx" ON "repair_order_jobs" USING btree ("repair_order_id","position");--> statement-breakpoint
CREATE INDEX "repair_order_lines_order_idx" ON "repair_order_lines" USING btree ("repair_order_id","position");--> statement-breakpoint
CREATE INDEX "repair_order_photos_order_idx" ON "repair_order_photos" USING btree ("repair_order_id","seq");--> statement-breakpoint
CREATE INDEX "repair_order_signatures_order_idx" ON "repair_order_signatures" USING btree ("repair_order_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "repair_orders_number_key" ON "repair_orders" USING btree ("number");--> statement-breakpoint
CREATE UNIQUE INDEX "repair_orders_quote_key" ON "repair_orders" USING btree ("quote_id");--> statement-breakpoint
CREATE INDEX "repair_orders_list_idx" ON "repair_orders" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "repair_orders_open_idx" ON "repair_orders" USING btree ("created_at") WHERE "repair_orders"."status" <> 'handed_back';--> statement-breakpoint
CREATE INDEX "repair_orders_closed_idx" ON "repair_orders" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "repair_orders_vehicle_idx" ON "repair_orders" USING btree ("vehicle_id","created_at");--> statement-breakpoint
CREATE INDEX "repair_orders_client_idx" ON "repair_orders" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "repair_orders_technician_idx" ON "repair_orders" USING btree ("technician_id");--> statement-breakpoint
ALTER TABLE "declined_work" ADD CONSTRAINT "declined_work_repair_order_id_repair_orders_id_fk" FOREIGN KEY ("repair_order_id") REFERENCES "public"."repair_orders"("id") ON DELETE set null ON UPDATE no action;