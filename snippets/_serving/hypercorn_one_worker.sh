#!/bin/sh
# Serve app.py with Hypercorn in one worker process, behind nginx on
# the same machine (see nginx.conf), so that SIGTERM lets a request in
# flight finish. To use more cores, run several and let nginx balance
# them: with --workers 2 it is cut off (see hypercorn.sh).
#   hypercorn_app:app: app.py inside Hypercorn's ProxyFixMiddleware,
#     as in hypercorn.sh: it trusts a number of hops, not an address,
#     so let nothing but the proxy connect.
#   --bind 127.0.0.1:PORT: listen on loopback only, for nginx.
#   --workers 1: a supervisor and one worker. On SIGTERM the supervisor
#     waits for the first worker to exit, and with one worker that is
#     the busy one.
#   --root-path /api: the proxy serves the app under /api and strips
#     it; the app puts it back into the URLs it makes.
#   --graceful-timeout 30: on SIGTERM the worker stops taking
#     connections and gives requests in flight up to 30 s (the default
#     is 3 s). Meanwhile a new connection waits unanswered on the open
#     socket and is reset when the worker exits.
exec hypercorn hypercorn_app:app --bind "127.0.0.1:${PORT:-8000}" \
    --workers 1 --root-path /api --graceful-timeout 30
