#!/usr/bin/env bash
# Restores module schemas saved by db/backup.sh with pg_restore: each schema is dropped and
# recreated from its file (--clean --if-exists), in one transaction per schema, so a failed restore
# leaves the schema as it was. Its Flyway history table comes back with it.
#
#   db/restore.sh [-h host] [-p port] [-U user] [-d database] -i directory (--all | schema...)
#
#   --all     every <schema>.dump in the directory
#
# Stop the Seams instances first (or at least the modules restored): events published after the
# backup by other modules are not rewound. Module roles (seams_<module>) belong to the server and
# are created by Seams when it starts; start it once against a brand-new server before restoring.
# Connection settings and PG_BIN as for db/backup.sh.
#
# Needs db/connection.sh in the same folder: copy both to the database host.
set -euo pipefail

# The usage text and the command line, shared with db/backup.sh.
# shellcheck source-path=SCRIPTDIR source=connection.sh
source "$(dirname "${BASH_SOURCE[0]}")/connection.sh"

directory=""
all=false bin="" connection=() schemas=() # set by read_arguments
read_arguments -i "$@"
in="$directory"
[[ -n "$in" && ( "$all" == true || ${#schemas[@]} -gt 0 ) ]] || usage

if [[ "$all" == true ]]; then
    schemas=()
    for file in "$in"/*.dump; do
        if [[ -e "$file" ]]; then schemas+=("$(basename "$file" .dump)"); fi
    done
    [[ ${#schemas[@]} -gt 0 ]] || { echo "restore: no *.dump in $in" >&2; exit 1; }
fi

for schema in "${schemas[@]}"; do
    file="$in/$schema.dump"
    [[ -r "$file" ]] || { echo "restore: $file not found" >&2; exit 1; }
    "${bin}pg_restore" "${connection[@]}" --no-password --clean --if-exists --single-transaction \
        --exit-on-error --no-owner "$file"
    echo "restore: $schema <- $file"
done
