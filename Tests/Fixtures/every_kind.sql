-- One of every object kind schemasnap captures, with the attributes the capture tests assert.
-- Applied after supabase/platform.sql (roles anon, authenticated; supabase_migrations).
DO $$
BEGIN
  CREATE ROLE app_reader NOLOGIN BYPASSRLS CONNECTION LIMIT 5;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

CREATE EXTENSION citext;
CREATE EXTENSION file_fdw;
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'application objects';

CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN app.positive_int AS integer DEFAULT 1 NOT NULL CONSTRAINT positive CHECK (VALUE > 0);
CREATE TYPE app.money_pair AS (amount numeric(12,2), currency char(3));
CREATE TYPE app.float_range AS RANGE (subtype = float8);
CREATE COLLATION app.posix_c (locale = 'C');
CREATE SEQUENCE app.ticket_seq AS integer START 100 INCREMENT 5 MINVALUE 100 MAXVALUE 100000 CACHE 1 CYCLE;

CREATE TABLE app.accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email citext NOT NULL UNIQUE,
  handle text COLLATE app.posix_c,
  mood app.mood NOT NULL DEFAULT 'ok',
  balance_cents integer NOT NULL DEFAULT 0 CHECK (balance_cents >= 0),
  balance_dollars numeric GENERATED ALWAYS AS (balance_cents / 100.0) STORED,
  ticket integer DEFAULT nextval('app.ticket_seq'),
  during tsrange,
  CONSTRAINT no_overlap EXCLUDE USING gist (during WITH &&)
);
COMMENT ON COLUMN app.accounts.email IS 'login email';
ALTER SEQUENCE app.ticket_seq OWNED BY app.accounts.ticket;
ALTER TABLE app.accounts REPLICA IDENTITY FULL;
ALTER TABLE app.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.accounts FORCE ROW LEVEL SECURITY;

CREATE TABLE app.notes (
  id serial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES app.accounts (id) ON DELETE CASCADE,
  body text,
  deleted_at timestamptz
);
CREATE INDEX notes_live_idx ON app.notes (account_id) WHERE deleted_at IS NULL;

CREATE UNLOGGED TABLE app.scratch (k text);

CREATE TABLE app.events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE app.events_2025 PARTITION OF app.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

CREATE VIEW app.account_emails WITH (security_invoker = true) AS SELECT id, email FROM app.accounts;
CREATE MATERIALIZED VIEW app.mood_counts AS SELECT mood, count(*) AS n FROM app.accounts GROUP BY mood;

CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;
CREATE FOREIGN TABLE app.imported (line text) SERVER files OPTIONS (filename '/dev/null');

CREATE POLICY owner_reads ON app.accounts AS RESTRICTIVE FOR SELECT TO authenticated, anon
  USING (email = current_setting('app.email', true)::citext);
CREATE POLICY owner_writes ON app.accounts FOR INSERT TO authenticated
  WITH CHECK (balance_cents = 0);

CREATE FUNCTION app.credit(account bigint, cents integer) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = '' AS $$
BEGIN
  UPDATE app.accounts SET balance_cents = balance_cents + cents WHERE id = account;
  RETURN cents;
END;
$$;
CREATE FUNCTION app.double(x integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN x * 2;
CREATE PROCEDURE app.reset_scratch() LANGUAGE sql AS $$ TRUNCATE app.scratch $$;
CREATE AGGREGATE app.total(integer) (sfunc = int4pl, stype = integer, initcond = '0');

CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END; $$;
CREATE TRIGGER notes_touch BEFORE UPDATE ON app.notes FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.notes DISABLE TRIGGER notes_touch;

CREATE RULE scratch_no_delete AS ON DELETE TO app.scratch DO INSTEAD NOTHING;

GRANT USAGE ON SCHEMA app TO authenticated;
GRANT SELECT, INSERT ON app.accounts TO authenticated;
GRANT SELECT ON app.accounts TO anon WITH GRANT OPTION;
GRANT UPDATE (body) ON app.notes TO authenticated;
GRANT USAGE ON SEQUENCE app.ticket_seq TO authenticated;
REVOKE EXECUTE ON FUNCTION app.credit(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.credit(bigint, integer) TO authenticated;
REVOKE USAGE ON TYPE app.mood FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO app_reader;

CREATE PUBLICATION app_changes FOR TABLE app.notes WITH (publish = 'insert, update');

CREATE FUNCTION app.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END; $$;
CREATE EVENT TRIGGER log_table_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
  EXECUTE FUNCTION app.log_ddl();

INSERT INTO supabase_migrations.schema_migrations (version, name, statements)
VALUES ('20250101000000', 'init', ARRAY['CREATE SCHEMA app', 'CREATE TABLE app.accounts ()']),
       ('2024010101', 'legacy_ten_digits', NULL);
