ALTER TABLE "quotes" ADD COLUMN "party_search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "vehicles" ADD COLUMN "owner_search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "quotes_party_trgm_idx" ON "quotes" USING gin ("party_search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "vehicles_owner_trgm_idx" ON "vehicles" USING gin ("owner_search_text" gin_trgm_ops);--> statement-breakpoint
-- Backfill rows written before these columns existed. The server keeps them in step from now
-- on with domain/text.ts; this SQL approximation (lower case, common French accents) only
-- seeds existing databases.
UPDATE "vehicles" v SET "owner_search_text" = translate(lower(concat_ws(' ', c."last_name", c."first_name", c."company_name")), 'àâäáãéèêëíìîïóòôöõúùûüçñÿ', 'aaaaaeeeeiiiiooooouuuucny') FROM "clients" c WHERE c."id" = v."client_id";--> statement-breakpoint
UPDATE "quotes" q SET "party_search_text" = trim(concat_ws(' ', translate(lower(concat_ws(' ', c."last_name", c."first_name", c."company_name")), 'àâäáãéèêëíìîïóòôöõúùûüçñÿ', 'aaaaaeeeeiiiiooooouuuucny'), (SELECT lower(v."plate_key") || ' ' || lower(v."plate") FROM "vehicles" v WHERE v."id" = q."vehicle_id"))) FROM "clients" c WHERE c."id" = q."client_id";
