#!/usr/bin/env bash
# Backs up module schemas of a Seams database with pg_dump, one custom-format file per schema
# (pg_dump -Fc -n <schema>), every schema read from one snapshot so the files agree with each other.
# A module's Flyway history table lives in its schema, so its file carries the migration state too.
#
#   db/backup.sh [-h host] [-p port] [-U user] [-d database] [-o directory] (--all | schema...)
#
#   --all     every module schema: the schemas holding a flyway_schema_history table
#   -o        where to write <schema>.dump (default: backup-<UTC timestamp>); created if missing
#
# Connection settings default to libpq's PGHOST, PGPORT, PGUSER, PGDATABASE; the password comes
# from PGPASSWORD or ~/.pgpass. PG_BIN names the directory of pg_dump and psql (default: PATH);
# pg_dump must be of the server's major version or newer. Restore with db/restore.sh.
#
# Needs db/connection.sh in the same folder: copy both to the database host.
set -euo pipefail

# The usage text and the command line, shared with db/restore.sh.
# shellcheck source-path=SCRIPTDIR source=connection.sh
source "$(dirname "${BASH_SOURCE[0]}")/connection.sh"

directory="backup-$(date -u +%Y%m%dT%H%M%SZ)"
all=false bin="" connection=() schemas=() # set by read_arguments
read_arguments -o "$@"
out="$directory"
[[ "$all" == true || ${#schemas[@]} -gt 0 ]] || usage

psql=("${bin}psql" "${connection[@]}" --no-password --no-psqlrc --quiet --tuples-only --no-align
    --set=ON_ERROR_STOP=1)

if [[ "$all" == true ]]; then
    mapfile -t schemas < <("${psql[@]}" --command="SELECT table_schema FROM information_schema.tables
        WHERE table_name = 'flyway_schema_history' ORDER BY 1")
    [[ ${#schemas[@]} -gt 0 ]] || { echo "backup: no module schema (no flyway_schema_history) found" >&2; exit 1; }
fi

mkdir -p "$out"

# One snapshot for every schema: a transaction exports it and stays open while pg_dump reads it.
coproc SNAPSHOT { "${psql[@]}"; }
# Bash unsets SNAPSHOT and SNAPSHOT_PID as soon as the coprocess ends, which can be before the
# wait below: keep copies. (SC2153: coproc sets SNAPSHOT_PID.)
# shellcheck disable=SC2153
snapshot_pid=$SNAPSHOT_PID
snapshot_in=${SNAPSHOT[1]}
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${SNAPSHOT[1]}"
read -r -t 30 snapshot <&"${SNAPSHOT[0]}" || { echo "backup: cannot export a snapshot" >&2; exit 1; }

for schema in "${schemas[@]}"; do
    "${bin}pg_dump" "${connection[@]}" --no-password --format=custom --snapshot="$snapshot" \
        --schema="$schema" --file="$out/$schema.dump"
    echo "backup: $schema -> $out/$schema.dump ($(wc -c <"$out/$schema.dump") bytes)"
done

echo "COMMIT;" >&"$snapshot_in"
exec {snapshot_in}>&-
wait "$snapshot_pid"
