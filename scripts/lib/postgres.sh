# Shared helpers: install what is missing, start and stop a throwaway PostgreSQL.
# Sourced by scripts/test, scripts/demo and scripts/bench.

# The PostgreSQL 15 extensions the tests capture for real (Supabase enables PostGIS and pg_cron
# most after pgcrypto/uuid-ossp; the rest are the ones Debian ships that projects use).
EXTENSION_PACKAGES="postgresql-15-postgis-3 postgresql-15-cron postgresql-15-partman postgresql-15-pgtap
  postgresql-15-hypopg postgresql-15-plpgsql-check postgresql-15-rum postgresql-15-hll postgresql-15-pgaudit
  postgresql-15-repack"

# ensure_packages [PKG…]: installs the Debian packages schemasnap needs, and PKG…, only those
# that are absent. Run it before any cluster starts: an extension package can upgrade
# postgresql-15 itself, and a server still running the old binaries cannot load the new ones.
ensure_packages() {
  local missing=()
  for pkg in libpq-dev libsqlite3-dev postgresql "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: missing packages: ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
    return 2
  fi
  echo "installing ${missing[*]}…" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The newest installed PostgreSQL server binaries.
pg_bin_dir() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

# Runs a server binary as an unprivileged user when we are root (initdb and postgres refuse root).
as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# start_postgres DIR: initdb into DIR/data and start a server listening only on a unix socket
# in DIR. Sets PG_SOCKET_DIR, PG_PORT, PG_PASSWORD and PG_CONNINFO (keyword form, no dbname).
start_postgres() {
  local dir=$1 bin
  bin=$(pg_bin_dir)
  [ -n "$bin" ] || { echo "error: no PostgreSQL server found under /usr/lib/postgresql" >&2; return 2; }
  mkdir -p "$dir"
  PG_SOCKET_DIR=$(cd "$dir" && pwd)
  PG_PORT=5432
  PG_PASSWORD=schemasnap-local
  printf '%s\n' "$PG_PASSWORD" > "$PG_SOCKET_DIR/pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres "$PG_SOCKET_DIR"; fi
  as_pg_user "$bin/initdb" -D "$PG_SOCKET_DIR/data" -U postgres --pwfile="$PG_SOCKET_DIR/pwfile" \
    --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$PG_SOCKET_DIR/initdb.log" 2>&1 \
    || { cat "$PG_SOCKET_DIR/initdb.log" >&2; return 2; }
  as_pg_user "$bin/pg_ctl" -D "$PG_SOCKET_DIR/data" -l "$PG_SOCKET_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $PG_SOCKET_DIR -p $PG_PORT -c fsync=off -c wal_level=logical -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${PG_EXTRA_OPTS:-}" \
    start >/dev/null || { cat "$PG_SOCKET_DIR/server.log" >&2; return 2; }
  PG_CONNINFO="host=$PG_SOCKET_DIR port=$PG_PORT user=postgres password=$PG_PASSWORD"
  export PG_SOCKET_DIR PG_PORT PG_PASSWORD PG_CONNINFO
}

# stop_postgres DIR: stops the server started in DIR and removes DIR.
stop_postgres() {
  local dir=$1
  [ -d "$dir/data" ] && as_pg_user "$(pg_bin_dir)/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
}
