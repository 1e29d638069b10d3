-- Names that need quoting: spaces, dots, double quotes, upper case, reserved words, emoji, CJK,
-- 63-byte names, one table name in two schemas, overloaded functions, one policy name on two tables.
CREATE SCHEMA "My Schema";
CREATE SCHEMA "a.b";
CREATE TYPE "My Schema"."Mood" AS ENUM ('very happy', 'it''s ok', 'sad "really"');
CREATE TABLE "My Schema"."select" ("order id" int PRIMARY KEY, "Quote""d" text, "🎉" text, "表" text);
CREATE TABLE "a.b"."select" (id int);
CREATE TABLE public.t_abcdefghijklmnopqrstuvwxyz_abcdefghijklmnopqrstuvwxyz_0123456 (id int);
CREATE INDEX "Index With Spaces" ON "My Schema"."select" ("🎉");
ALTER TABLE "My Schema"."select" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "a.b"."select" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "read all" ON "My Schema"."select" FOR SELECT USING (true);
CREATE POLICY "read all" ON "a.b"."select" FOR SELECT USING (true);
CREATE FUNCTION "My Schema".f(x integer) RETURNS integer LANGUAGE sql SET search_path = '' AS $$ SELECT x $$;
CREATE FUNCTION "My Schema".f(x text) RETURNS text LANGUAGE sql SET search_path = '' AS $$ SELECT x $$;
