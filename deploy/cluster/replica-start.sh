#!/bin/sh
# The replica: on first start a base backup of the primary (-R writes the standby settings), then
# Postgres as a hot standby that streams from it.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  rm -rf "${PGDATA:?}"/*
  until pg_basebackup -h primary -U replicator -D "$PGDATA" -R -X stream; do
    echo "waiting for the primary..."; sleep 2
  done
  chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
