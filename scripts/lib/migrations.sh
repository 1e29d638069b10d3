# apply_migration CONNINFO FILE: runs FILE and records it in supabase_migrations.schema_migrations
# in one transaction, as the Supabase CLI does (version and name from the file name).
apply_migration() {
  local conninfo=$1 file=$2 base version name
  base=$(basename "$file" .sql)
  version=${base%%_*}
  name=${base#*_}
  { echo "BEGIN;"; cat "$file"; echo ";";
    echo "INSERT INTO supabase_migrations.schema_migrations (version, name, statements) VALUES ('$version', '$name', ARRAY[:'content']);"
    echo "COMMIT;"; } | psql "$conninfo" -q -X -v ON_ERROR_STOP=1 -v content="$(cat "$file")" >/dev/null
}
