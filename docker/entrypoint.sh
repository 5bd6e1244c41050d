#!/bin/sh
# Apply migrations and load the question bank, then hand the process over to the server.
set -eu
if [ -z "${DATABASE_URL:-}" ]; then
  echo "goprep: DATABASE_URL must be set in the container (the embedded Postgres is for local runs)." >&2
  exit 1
fi
node apps/api/dist/cli/migrate.js
exec "$@"
