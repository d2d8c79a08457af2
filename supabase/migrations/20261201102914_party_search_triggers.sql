-- Vehicles are found by their owner's name (owner_search_text) and quotes by their client's name
-- and their vehicle's plate (party_search_text). Until now the clients and vehicles services
-- refreshed those columns by reaching into each other's features; from here on these triggers
-- own them, whoever writes: the server, a migration or psql (docs/decisions/0010).
--
-- gp_search_text(value) is normalizeSearchText (domain/text.ts) in SQL, so the stored text still
-- matches the query terms the server normalises in TypeScript: decomposed (NFD), diacritics
-- removed (the class below is JavaScript's \p{Diacritic} in the Basic Multilingual Plane), œ and
-- æ spelt out, lower case, whitespace runs collapsed, trimmed. server/db/search-text.test.ts
-- checks that both give the same text for every character of that plane, on PGlite and on
-- PostgreSQL. The `unaccent` extension is not used: it disagrees with the TypeScript on about
-- 13,500 characters, 140 of them Latin (ø, ß, đ, Æ…), and Łukasz found by "łukasz" among the
-- clients would not be among the vehicles.
CREATE FUNCTION gp_search_text(value text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(
    lower(replace(replace(regexp_replace(normalize(coalesce(value, ''), NFD),
      '[\u005e\u0060\u00a8\u00af\u00b4\u00b7-\u00b8\u02b0-\u034e\u0350-\u0357\u035d-\u0362'
      '\u0374-\u0375\u037a\u0384-\u0385\u0483-\u0487\u0559\u0591-\u05bd\u05bf\u05c1-\u05c2'
      '\u05c4-\u05c5\u05c7\u064b-\u0652\u0657-\u0658\u06df-\u06e0\u06e5-\u06e6\u06ea-\u06ec'
      '\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f5\u0818-\u0819\u0898-\u089f\u08c9-\u08d2'
      '\u08e3-\u08fe\u093c\u094d\u0951-\u0954\u0971\u09bc\u09cd\u0a3c\u0a4d\u0abc\u0acd'
      '\u0afd-\u0aff\u0b3c\u0b4d\u0b55\u0bcd\u0c3c\u0c4d\u0cbc\u0ccd\u0d3b-\u0d3c\u0d4d\u0dca'
      '\u0e3a\u0e47-\u0e4c\u0e4e\u0eba\u0ec8-\u0ecc\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0f3f'
      '\u0f82-\u0f84\u0f86-\u0f87\u0fc6\u1037\u1039-\u103a\u1063-\u1064\u1069-\u106d'
      '\u1087-\u108d\u108f\u109a-\u109b\u135d-\u135f\u1714-\u1715\u1734\u17c9-\u17d3\u17dd'
      '\u1939-\u193b\u1a60\u1a75-\u1a7c\u1a7f\u1ab0-\u1abe\u1ac1-\u1acb\u1acf-\u1add'
      '\u1ae0-\u1aeb\u1b34\u1b44\u1b6b-\u1b73\u1baa-\u1bab\u1be6\u1bf2-\u1bf3\u1c36-\u1c37'
      '\u1c78-\u1c7d\u1cd0-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9\u1d2c-\u1d6a\u1d9b-\u1dbe'
      '\u1dc4-\u1dcf\u1df5-\u1dff\u1fbd\u1fbf-\u1fc1\u1fcd-\u1fcf\u1fdd-\u1fdf\u1fed-\u1fef'
      '\u1ffd-\u1ffe\u2cef-\u2cf1\u2e2f\u302a-\u302f\u3099-\u309c\u30fc\ua66f\ua67c-\ua67d'
      '\ua67f\ua69c-\ua69d\ua6f0-\ua6f1\ua700-\ua721\ua788-\ua78a\ua7f1\ua7f8-\ua7f9\ua806'
      '\ua82c\ua8c4\ua8e0-\ua8f1\ua92b-\ua92e\ua953\ua9b3\ua9c0\ua9e5\uaa7b-\uaa7d\uaabf-\uaac2'
      '\uaaf6\uab5b-\uab5f\uab69-\uab6b\uabec-\uabed\ufb1e\ufe20-\ufe2f\uff3e\uff40\uff70'
      '\uff9e-\uff9f\uffe3]',
      '', 'g'), 'œ', 'oe'), 'æ', 'ae')),
    '[\t\n\u000b\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+', ' ', 'g'), ' ')
$$;--> statement-breakpoint
-- buildClientNameText (domain/client/client-search.ts): what vehicles and quotes keep of a client.
CREATE FUNCTION gp_client_name_text(last_name text, first_name text, company_name text)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT gp_search_text(concat_ws(' ', nullif(last_name, ''), nullif(first_name, ''),
    nullif(company_name, '')))
$$;--> statement-breakpoint
-- buildQuotePartyText: the client's name, then the plate glued and as written. Parameters are
-- named apart from the columns, which would take precedence in the query.
CREATE FUNCTION gp_quote_party_text(for_client uuid, for_vehicle uuid)
RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS $$
  SELECT coalesce((
    SELECT gp_search_text(concat_ws(' ', nullif(c.last_name, ''), nullif(c.first_name, ''),
      nullif(c.company_name, ''), nullif(v.plate_key, ''), nullif(v.plate, '')))
    FROM clients c LEFT JOIN vehicles v ON v.id = for_vehicle
    WHERE c.id = for_client), '')
$$;--> statement-breakpoint
CREATE FUNCTION gp_quote_party_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.party_search_text := gp_quote_party_text(NEW.client_id, NEW.vehicle_id);
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER quotes_party_search BEFORE INSERT OR UPDATE OF client_id, vehicle_id ON quotes
  FOR EACH ROW EXECUTE FUNCTION gp_quote_party_search();--> statement-breakpoint
CREATE FUNCTION gp_vehicle_owner_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.owner_search_text := coalesce((
    SELECT gp_client_name_text(c.last_name, c.first_name, c.company_name)
    FROM clients c WHERE c.id = NEW.client_id), '');
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER vehicles_owner_search BEFORE INSERT OR UPDATE OF client_id ON vehicles
  FOR EACH ROW EXECUTE FUNCTION gp_vehicle_owner_search();--> statement-breakpoint
-- A new plate: the vehicle's quotes are found by it. (A vehicle changing hands keeps its quotes
-- under the client they were made for, so only the plate matters here.)
CREATE FUNCTION gp_vehicle_plate_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE quotes SET party_search_text = gp_quote_party_text(client_id, vehicle_id)
  WHERE vehicle_id = NEW.id
    AND party_search_text IS DISTINCT FROM gp_quote_party_text(client_id, vehicle_id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER vehicles_plate_search AFTER UPDATE OF plate, plate_key ON vehicles
  FOR EACH ROW WHEN (OLD.plate IS DISTINCT FROM NEW.plate OR OLD.plate_key IS DISTINCT FROM NEW.plate_key)
  EXECUTE FUNCTION gp_vehicle_plate_search();--> statement-breakpoint
-- A renamed client: their vehicles and quotes are found by the new name.
CREATE FUNCTION gp_client_name_search() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  name_text text := gp_client_name_text(NEW.last_name, NEW.first_name, NEW.company_name);
BEGIN
  UPDATE vehicles SET owner_search_text = name_text
  WHERE client_id = NEW.id AND owner_search_text IS DISTINCT FROM name_text;
  UPDATE quotes SET party_search_text = gp_quote_party_text(client_id, vehicle_id)
  WHERE client_id = NEW.id
    AND party_search_text IS DISTINCT FROM gp_quote_party_text(client_id, vehicle_id);
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER clients_name_search AFTER UPDATE OF last_name, first_name, company_name ON clients
  FOR EACH ROW WHEN (OLD.last_name IS DISTINCT FROM NEW.last_name
    OR OLD.first_name IS DISTINCT FROM NEW.first_name
    OR OLD.company_name IS DISTINCT FROM NEW.company_name)
  EXECUTE FUNCTION gp_client_name_search();--> statement-breakpoint
-- Rows the party_search migration seeded with its SQL approximation get the exact text; rows the
-- services kept are already equal and are not rewritten.
UPDATE vehicles v SET owner_search_text = gp_client_name_text(c.last_name, c.first_name, c.company_name)
FROM clients c
WHERE c.id = v.client_id
  AND v.owner_search_text IS DISTINCT FROM gp_client_name_text(c.last_name, c.first_name, c.company_name);--> statement-breakpoint
UPDATE quotes q SET party_search_text = t.text
FROM (
  SELECT q2.id, gp_search_text(concat_ws(' ', nullif(c.last_name, ''), nullif(c.first_name, ''),
    nullif(c.company_name, ''), nullif(v.plate_key, ''), nullif(v.plate, ''))) AS text
  FROM quotes q2 JOIN clients c ON c.id = q2.client_id LEFT JOIN vehicles v ON v.id = q2.vehicle_id
) t
WHERE q.id = t.id AND q.party_search_text IS DISTINCT FROM t.text;
