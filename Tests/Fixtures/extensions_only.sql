-- The extensions a Supabase-style app builds on, and nothing of the app's own
-- (ExtensionCaptureTests). Applied after supabase/platform.sql.
CREATE EXTENSION postgis;
CREATE EXTENSION pg_trgm;
CREATE EXTENSION moddatetime;
CREATE EXTENSION postgres_fdw;
CREATE SCHEMA partman;
CREATE EXTENSION pg_partman SCHEMA partman;
