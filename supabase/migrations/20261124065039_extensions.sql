-- Trigram indexes back the accent- and case-insensitive search (docs/decisions/0004-search.md).
-- On Supabase the extension already exists in the "extensions" schema, which is on the
-- search_path; elsewhere it is created here.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
