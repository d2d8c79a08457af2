ALTER TABLE "quotes" ADD COLUMN "accepted_excl_vat_cents" bigint;--> statement-breakpoint
CREATE INDEX "changes_at_idx" ON "changes" USING btree ("at");--> statement-breakpoint
CREATE INDEX "quotes_sent_at_idx" ON "quotes" USING btree ("sent_at");--> statement-breakpoint
CREATE INDEX "quotes_decided_at_idx" ON "quotes" USING btree ("decided_at");