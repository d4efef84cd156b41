#!/bin/sh
# A throwaway PostgreSQL for trying the database recipes: in ./pgdata,
# on 127.0.0.1 at port ${PGPORT:-5432}, and without passwords, so keep
# it to your own machine. It needs PostgreSQL's server programs on PATH
# (Debian and Ubuntu keep them in /usr/lib/postgresql/<version>/bin),
# and initdb refuses to run as root.
set -eu
initdb --pgdata=pgdata --username=postgres --auth=trust \
    --encoding=UTF8 --no-instructions
pg_ctl --pgdata=pgdata --log=pgdata/server.log --wait \
    --options="-h 127.0.0.1 -p ${PGPORT:-5432} -k ''" start
# Then start a recipe with this in its environment (or your PGPORT):
# DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres
# Stop the cluster with `pg_ctl --pgdata=pgdata stop`, and remove
# pgdata to begin again from nothing.
