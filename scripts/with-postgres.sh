#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: initdb in a temporary folder, start it on
# a free loopback port, export JIESU_TEST_DATABASE_URL (an admin URL: tests and benchmarks create
# their own databases on it), run the
# command, stop the server and remove the folder, whatever happens.
#   scripts/with-postgres.sh npx vitest run --project integration
set -euo pipefail

PG_BIN=""
for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
  if [ -x "$d/initdb" ]; then PG_BIN="$d"; break; fi
done
if [ -z "$PG_BIN" ] && command -v initdb >/dev/null; then PG_BIN="$(dirname "$(command -v initdb)")"; fi
if [ -z "$PG_BIN" ]; then
  echo "with-postgres: installing Debian's postgresql package" >&2
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  for d in /usr/lib/postgresql/*/bin; do PG_BIN="$d"; done
fi

# initdb refuses to run as root: run the server as the postgres user (or the current user).
RUN_AS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  RUN_AS=(runuser -u postgres --)
fi

DIR="$(mktemp -d /tmp/jiesu-pg.XXXXXX)"
chmod 755 "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"

cleanup() {
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

"${RUN_AS[@]}" "$PG_BIN/initdb" -D "$DIR/data" -U jiesu --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${RUN_AS[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-h 127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2

export JIESU_TEST_DATABASE_URL="postgres://jiesu@127.0.0.1:$PORT/postgres"
export JIESU_PG_ADMIN_URL="$JIESU_TEST_DATABASE_URL"
"$@"
