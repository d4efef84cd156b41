#!/bin/sh
# Serve app.py with Hypercorn in two worker processes, behind nginx on
# the same machine (see nginx.conf).
#   hypercorn_app:app: app.py inside Hypercorn's ProxyFixMiddleware,
#     its only way to read X-Forwarded-For and X-Forwarded-Proto. It
#     trusts a number of hops, not an address: any client that reaches
#     Hypercorn directly can claim another address and https, so bind
#     to loopback and let nothing but the proxy connect.
#   --bind 127.0.0.1:PORT: listen on loopback only, for nginx.
#   --workers 2: a supervisor that starts two worker processes sharing
#     the listening socket.
#   --root-path /api: the proxy serves the app under /api and strips
#     it; the app puts it back into the URLs it makes.
#   --graceful-timeout 30: on SIGTERM, each worker stops taking
#     connections and gives requests in flight up to 30 s (the default
#     is 3 s). With more than one worker it does not help: the
#     supervisor kills the other workers as soon as the first has
#     exited, and an idle worker exits at once, so a request in flight
#     is cut off. hypercorn_one_worker.sh lets it finish.
exec hypercorn hypercorn_app:app --bind "127.0.0.1:${PORT:-8000}" \
    --workers 2 --root-path /api --graceful-timeout 30
