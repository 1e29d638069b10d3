-- One object per advisor lint, each named after the lint it triggers (applied after
-- supabase/platform.sql, whose default privileges grant the API roles access in public).
CREATE TABLE public.rls_off (id int PRIMARY KEY);
CREATE TABLE public.policy_no_rls (id int PRIMARY KEY);
CREATE POLICY ignored ON public.policy_no_rls FOR SELECT USING (true);
CREATE TABLE public.rls_no_policy (id int PRIMARY KEY);
ALTER TABLE public.rls_no_policy ENABLE ROW LEVEL SECURITY;
CREATE TABLE public.no_pk (id int);
ALTER TABLE public.no_pk ENABLE ROW LEVEL SECURITY;
CREATE POLICY open ON public.no_pk FOR SELECT TO anon USING (true);
CREATE VIEW public.definer_view AS SELECT id FROM public.rls_no_policy;
CREATE VIEW public.users_view WITH (security_invoker = true) AS SELECT id, email FROM auth.users;
CREATE FUNCTION public.mutable_path() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
CREATE FUNCTION public.fixed_path() RETURNS int LANGUAGE sql SET search_path = '' AS $$ SELECT 1 $$;
CREATE TABLE public.parent (id int PRIMARY KEY);
ALTER TABLE public.parent ENABLE ROW LEVEL SECURITY;
CREATE POLICY read_a ON public.parent FOR SELECT TO authenticated USING (auth.uid() IS NOT NULL);
CREATE POLICY read_b ON public.parent FOR SELECT TO authenticated USING ((SELECT auth.uid()) IS NOT NULL);
CREATE TABLE public.child (id int PRIMARY KEY, parent_id int REFERENCES public.parent (id), other_id int REFERENCES public.parent (id));
ALTER TABLE public.child ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON public.child FOR SELECT TO authenticated USING ((SELECT auth.uid()) IS NOT NULL);
CREATE INDEX child_other_idx ON public.child (other_id);
CREATE INDEX child_other_again ON public.child (other_id);
CREATE EXTENSION citext SCHEMA public;
CREATE MATERIALIZED VIEW public.counts AS SELECT count(*) AS n FROM public.parent;
CREATE EXTENSION file_fdw;
CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;
CREATE FOREIGN TABLE public.imported (line text) SERVER files OPTIONS (filename '/dev/null');
GRANT SELECT ON public.imported TO anon;
-- Public buckets: `avatars` is named by no policy on storage.objects; `docs` is; `drafts` is private.
INSERT INTO storage.buckets (id, name, public) VALUES ('avatars', 'avatars', true), ('docs', 'docs', true),
  ('drafts', 'drafts', false);
CREATE POLICY docs_upload ON storage.objects FOR INSERT TO authenticated WITH CHECK (bucket_id = 'docs');
