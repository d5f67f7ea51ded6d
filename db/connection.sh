# shellcheck shell=bash disable=SC2034
# (SC2034: read_arguments sets variables for the script that sources this file.)
# Sourced by db/backup.sh and db/restore.sh, from the folder they are in: copy it along with them.
# What both share: their usage text, their command line and where the PostgreSQL programs are.
# (Not in a folder of its own: every folder under db/ is a module's migrations.)

# Prints the calling script's header comment and exits 2.
usage() {
    awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2
    exit 2
}

# Reads the command line after its first argument, the script's folder option (-o or -i): -h, -p,
# -U and -d into connection (options of psql, pg_dump and pg_restore), the folder option's value
# into directory, --all into all=true and the rest into schemas; anything else prints the usage.
# Sets bin to PG_BIN with a slash, or to nothing (PATH).
read_arguments() {
    local directory_option="$1"
    shift
    all=false
    connection=()
    schemas=()
    while [[ $# -gt 0 ]]; do
        case "$1" in
            -h) connection+=(--host="${2:?}"); shift 2 ;;
            -p) connection+=(--port="${2:?}"); shift 2 ;;
            -U) connection+=(--username="${2:?}"); shift 2 ;;
            -d) connection+=(--dbname="${2:?}"); shift 2 ;;
            "$directory_option") directory="${2:?}"; shift 2 ;;
            --all) all=true; shift ;;
            -*) usage ;;
            *) schemas+=("$1"); shift ;;
        esac
    done
    bin="${PG_BIN:+$PG_BIN/}"
}
