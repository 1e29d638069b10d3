-- An app that uses the extensions of extensions_only.sql (applied after it): a geometry column
-- with a GiST index, a trigram index, a moddatetime trigger, a pg_partman-managed partitioned
-- table and a foreign table on a postgres_fdw server.
CREATE SCHEMA app;
CREATE TABLE app.places (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  location geometry(Point, 4326) NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX places_location_idx ON app.places USING gist (location);
CREATE INDEX places_name_trgm_idx ON app.places USING gin (name gin_trgm_ops);
CREATE TRIGGER places_touch BEFORE UPDATE ON app.places FOR EACH ROW EXECUTE FUNCTION moddatetime(updated_at);

CREATE TABLE app.events (id bigint NOT NULL, created_at timestamptz NOT NULL) PARTITION BY RANGE (created_at);
SELECT partman.create_parent('app.events', 'created_at', 'native', 'daily', p_premake := 2);

CREATE SERVER warehouse FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'warehouse');
CREATE FOREIGN TABLE app.remote_orders (id bigint, total numeric) SERVER warehouse OPTIONS (table_name 'orders');
