-- Orders and their lines; a customer sees and creates only their own.
CREATE TABLE public.orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  customer_id uuid NOT NULL REFERENCES public.profiles (id) ON DELETE CASCADE,
  status public.order_status NOT NULL DEFAULT 'pending',
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_id_idx ON public.orders (customer_id);

CREATE TABLE public.order_items (
  order_id uuid NOT NULL REFERENCES public.orders (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES public.products (id),
  quantity integer NOT NULL CHECK (quantity > 0),
  unit_price_cents integer NOT NULL,
  PRIMARY KEY (order_id, product_id)
);

ALTER TABLE public.orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.order_items ENABLE ROW LEVEL SECURITY;

CREATE POLICY "Customers read their orders" ON public.orders
  FOR SELECT TO authenticated USING ((SELECT auth.uid()) = customer_id);
CREATE POLICY "Customers create their orders" ON public.orders
  FOR INSERT TO authenticated WITH CHECK ((SELECT auth.uid()) = customer_id);
CREATE POLICY "Customers read their order items" ON public.order_items
  FOR SELECT TO authenticated
  USING (EXISTS (SELECT 1 FROM public.orders o WHERE o.id = order_id AND o.customer_id = (SELECT auth.uid())));

ALTER PUBLICATION supabase_realtime ADD TABLE public.orders;

-- DOWN (rollback): read by `schemasnap rollback` and `verify`; commented out, so runners skip it.
-- schemasnap:down
-- ALTER PUBLICATION supabase_realtime DROP TABLE public.orders;
-- DROP TABLE public.order_items;
-- DROP TABLE public.orders;
-- schemasnap:end
