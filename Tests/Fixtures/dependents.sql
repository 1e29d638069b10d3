-- A schema whose objects depend on each other in every way the snapshot records: views over
-- views, a policy that reads a view, a policy and a function calling a function, a SQL-standard
-- function body, defaults on a sequence, OWNED BY, a foreign key to a primary key, a trigger,
-- a domain CHECK calling a function, an enum column. DependentsTests and the golden files
-- `show-dependents-*.txt` and `diff-dependents.*` read it (applied after supabase/platform.sql).
-- Set :total_type to integer (the source) or bigint (the target).
CREATE SCHEMA shop;
CREATE TYPE shop.status AS ENUM ('new', 'paid');
CREATE FUNCTION shop.is_positive(v bigint) RETURNS boolean LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT v > 0; END;
CREATE DOMAIN shop.amount AS bigint CHECK (shop.is_positive(VALUE));
CREATE SEQUENCE shop.order_number_seq;
CREATE TABLE shop.customers (id bigint PRIMARY KEY, email text NOT NULL, credit shop.amount);
CREATE TABLE shop.orders (
  id bigint PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES shop.customers (id),
  status shop.status NOT NULL DEFAULT 'new',
  number bigint NOT NULL DEFAULT nextval('shop.order_number_seq'),
  total_cents TOTAL_TYPE NOT NULL
);
ALTER SEQUENCE shop.order_number_seq OWNED BY shop.orders.number;
CREATE FUNCTION shop.is_owner(customer bigint) RETURNS boolean LANGUAGE sql STABLE BEGIN ATOMIC SELECT customer = 1; END;
CREATE FUNCTION shop.order_count() RETURNS bigint LANGUAGE sql STABLE BEGIN ATOMIC SELECT count(*) FROM shop.orders; END;
CREATE VIEW shop.order_totals AS SELECT customer_id, sum(total_cents) AS total FROM shop.orders GROUP BY customer_id;
CREATE VIEW shop.big_customers AS SELECT customer_id FROM shop.order_totals WHERE total > 10000;
ALTER TABLE shop.orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE shop.customers ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_orders ON shop.orders USING (shop.is_owner(customer_id));
CREATE POLICY big_only ON shop.customers USING (id IN (SELECT customer_id FROM shop.big_customers));
CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON shop.orders FOR EACH ROW EXECUTE FUNCTION shop.touch();
CREATE TYPE shop.line AS (status shop.status, quantity integer);
CREATE DOMAIN shop.big_amount AS shop.amount CHECK (VALUE > 100);
CREATE TABLE shop.audit (id bigint, history shop.status[], line shop.line, worth shop.big_amount);
CREATE TABLE shop.events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE shop.events_2026 PARTITION OF shop.events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX events_at_idx ON shop.events (at);
