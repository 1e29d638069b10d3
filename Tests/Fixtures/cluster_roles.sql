-- Cluster-wide roles the tests use, created once by scripts/test before any test runs: roles
-- belong to the cluster, not to a test's own database, so a role created while tests run in
-- parallel would show up in every other test's capture. Idempotent.
DO $$
DECLARE spec text[];
BEGIN
  FOREACH spec SLICE 1 IN ARRAY ARRAY[['app_reader', 'NOLOGIN BYPASSRLS CONNECTION LIMIT 5'],
                                      ['catalog_reader', 'LOGIN PASSWORD ''catalog-only''']] LOOP
    BEGIN
      EXECUTE format('CREATE ROLE %I %s', spec[1], spec[2]);
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
  END LOOP;
END $$;
