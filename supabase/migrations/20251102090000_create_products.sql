-- Products: a public catalogue; only the service role writes it.
CREATE TYPE public.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE public.products (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  sku text NOT NULL UNIQUE,
  name text NOT NULL,
  price_cents integer NOT NULL CHECK (price_cents >= 0),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE public.products ENABLE ROW LEVEL SECURITY;
CREATE POLICY "Active products are public" ON public.products
  FOR SELECT TO anon, authenticated USING (active);

-- DOWN (rollback): read by `schemasnap rollback` and `verify`; commented out, so runners skip it.
-- schemasnap:down
-- DROP TABLE public.products;
-- DROP TYPE public.order_status;
-- schemasnap:end
