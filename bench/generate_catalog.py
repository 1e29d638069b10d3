#!/usr/bin/env python3
"""Deterministic generator of a Supabase-like catalog for benchmarks.

    generate_catalog.py N [--seed S] [--per-schema K] [--chunk C] [--drift | --drift-only]

Prints SQL for N tables. With --per-schema K (default 100) the tables are spread K to a schema
over ceil(N / K) tenant schemas (tenant_0000, tenant_0001, …), the schema-per-tenant shape; with
--per-schema 0 over two schemas (public, app). Each table has ~10 columns of mixed types (uuid, text,
integer, timestamptz, jsonb, numeric with a default, an enum, a generated column on every third
table), a primary key, one or two secondary indexes, a foreign key to an earlier table of its schema, RLS with
two policies, a comment and grants to anon/authenticated on every table; a trigger and its
function on every tenth table, a view on every twentieth, a sequence on every twenty-fifth, and
one supabase_migrations.schema_migrations row per ten tables. Apply supabase/platform.sql first.

With --chunk C the statements are wrapped in transactions of C tables each (run without
psql's -1): one transaction over a catalog of 50,000 tables runs out of lock table long before
it commits.

With --drift, about 1% of the tables then differ, cycling through: a dropped column, a changed
column type, a dropped policy, an extra index, RLS disabled; --drift-only prints just those
statements, to apply to a copy of the base database (CREATE DATABASE … TEMPLATE). The same
arguments always give the same SQL.
"""
import argparse
import random

DRIFTS = ["drop_column", "change_type", "drop_policy", "extra_index", "disable_rls"]


def table_name(i, per_schema):
    if per_schema:
        return f"tenant_{i // per_schema:04d}", f"t{i:06d}"
    schema = "public" if i % 2 == 0 else "app"
    return schema, f"t{i:05d}"


def parent_index(rng, i, per_schema):
    """An earlier table of the same schema (tenant-local keys), or of the whole catalog."""
    first = (i // per_schema) * per_schema if per_schema else 0
    return rng.randrange(first, i) if i > first else None


def generate(n, seed, drift, per_schema, chunk):
    rng = random.Random(seed)
    out = [
        "SET client_min_messages = warning;",
        "CREATE TYPE public.bench_status AS ENUM ('new', 'active', 'archived');",
    ]
    if not per_schema:
        out += ["CREATE SCHEMA IF NOT EXISTS app;", "GRANT USAGE ON SCHEMA app TO anon, authenticated;"]
    for i in range(n):
        schema, name = table_name(i, per_schema)
        q = f"{schema}.{name}"
        if chunk and i % chunk == 0:
            out.append("BEGIN;" if i == 0 else "COMMIT;\nBEGIN;")
        if per_schema and i % per_schema == 0:
            out += [f"CREATE SCHEMA {schema};", f"GRANT USAGE ON SCHEMA {schema} TO anon, authenticated;"]
        cols = [
            "id uuid PRIMARY KEY DEFAULT gen_random_uuid()",
            "name text NOT NULL",
            "qty integer NOT NULL DEFAULT 0",
            "created_at timestamptz NOT NULL DEFAULT now()",
            "payload jsonb",
            "price numeric(12,2) NOT NULL DEFAULT 0",
            "status public.bench_status NOT NULL DEFAULT 'new'",
            "note text",
        ]
        parent = parent_index(rng, i, per_schema)
        if parent is not None:
            ps, pn = table_name(parent, per_schema)
            cols.append(f"parent_id uuid REFERENCES {ps}.{pn} (id) ON DELETE SET NULL")
        if i % 3 == 0:
            cols.append("total numeric GENERATED ALWAYS AS (price * qty) STORED")
        out.append(f"CREATE TABLE {q} (\n  " + ",\n  ".join(cols) + "\n);")
        out.append(f"CREATE INDEX {name}_name_idx ON {q} (name);")
        if rng.random() < 0.5:
            out.append(f"CREATE INDEX {name}_recent_idx ON {q} (created_at) WHERE status <> 'archived';")
        out.append(f"ALTER TABLE {q} ENABLE ROW LEVEL SECURITY;")
        out.append(f"CREATE POLICY {name}_read ON {q} FOR SELECT TO anon, authenticated USING (qty >= 0);")
        out.append(f"CREATE POLICY {name}_insert ON {q} FOR INSERT TO authenticated "
                   f"WITH CHECK ((SELECT auth.uid()) IS NOT NULL);")
        out.append(f"COMMENT ON TABLE {q} IS 'benchmark table {i}';")
        out.append(f"GRANT SELECT ON {q} TO anon;")
        out.append(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {q} TO authenticated;")
        if i % 10 == 0:
            out.append(f"CREATE FUNCTION {schema}.{name}_touch() RETURNS trigger LANGUAGE plpgsql "
                       f"SET search_path = '' AS $$ BEGIN NEW.created_at := now(); RETURN NEW; END $$;")
            out.append(f"CREATE TRIGGER {name}_touch BEFORE UPDATE ON {q} "
                       f"FOR EACH ROW EXECUTE FUNCTION {schema}.{name}_touch();")
        if i % 20 == 0:
            out.append(f"CREATE VIEW {schema}.{name}_active WITH (security_invoker = true) AS "
                       f"SELECT id, name, qty FROM {q} WHERE status = 'active';")
        if i % 25 == 0:
            out.append(f"CREATE SEQUENCE {schema}.{name}_seq START 1000;")
    if chunk:
        out.append("COMMIT;")
    for m in range(max(1, n // 10)):
        out.append("INSERT INTO supabase_migrations.schema_migrations (version, name, statements) "
                   f"VALUES ('2025{m:010d}', 'bench_{m}', ARRAY['-- migration {m}']);")
    if drift:
        out += drift_statements(n, seed, per_schema)
    return "\n".join(out) + "\n"


def drift_statements(n, seed, per_schema):
    rng = random.Random(seed * 7919 + 1)
    count = max(1, n // 100)
    chosen = sorted(rng.sample(range(n), count))
    out = ["-- drift: about 1% of the tables"]
    for k, i in enumerate(chosen):
        schema, name = table_name(i, per_schema)
        q = f"{schema}.{name}"
        kind = DRIFTS[k % len(DRIFTS)]
        if kind == "drop_column":
            out.append(f"ALTER TABLE {q} DROP COLUMN note;")
        elif kind == "change_type":
            out.append(f"ALTER TABLE {q} ALTER COLUMN note TYPE varchar(500);")
        elif kind == "drop_policy":
            out.append(f"DROP POLICY {name}_insert ON {q};")
        elif kind == "extra_index":
            out.append(f"CREATE INDEX {name}_qty_idx ON {q} (qty);")
        else:
            out.append(f"ALTER TABLE {q} DISABLE ROW LEVEL SECURITY;")
    return out


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--per-schema", type=int, default=100)
    parser.add_argument("--chunk", type=int, default=0)
    parser.add_argument("--drift", action="store_true")
    parser.add_argument("--drift-only", action="store_true")
    args = parser.parse_args()
    if args.drift_only:
        print("\n".join(drift_statements(args.n, args.seed, args.per_schema)))
    else:
        print(generate(args.n, args.seed, args.drift, args.per_schema, args.chunk), end="")
