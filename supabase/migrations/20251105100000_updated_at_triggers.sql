-- Keep updated_at current on every update.
CREATE FUNCTION public.set_updated_at() RETURNS trigger
LANGUAGE plpgsql
SET search_path = ''
AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END;
$$;

CREATE TRIGGER profiles_set_updated_at BEFORE UPDATE ON public.profiles
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
CREATE TRIGGER orders_set_updated_at BEFORE UPDATE ON public.orders
  FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();

-- DOWN (rollback): read by `schemasnap rollback` and `verify`; commented out, so runners skip it.
-- schemasnap:down
-- DROP TRIGGER orders_set_updated_at ON public.orders;
-- DROP TRIGGER profiles_set_updated_at ON public.profiles;
-- DROP FUNCTION public.set_updated_at();
-- schemasnap:end
