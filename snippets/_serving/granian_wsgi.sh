#!/bin/sh
# Serve wsgi_app.py with Granian's WSGI interface in two worker
# processes, behind nginx on the same machine (see
# nginx_whole_path.conf).
#   granian_wsgi_app:app: wsgi_app.py wrapped by Granian's own
#     granian.utils.proxies, which believes X-Forwarded-For and
#     X-Forwarded-Proto only from 127.0.0.1; Granian has no
#     command-line setting for forwarded headers.
#   --interface wsgi: Granian's default is its own RSGI interface.
#   --url-path-prefix /api: Granian sets SCRIPT_NAME to /api and takes
#     it off the front of the path itself, so the proxy must pass /api
#     on; the app then answers under /api only, health checks
#     included, even to a client that reaches Granian directly.
#   --workers-kill-timeout 30: on SIGTERM the workers stop taking
#     connections and finish the requests in flight; one still busy
#     after 30 s is killed. Without it Granian waits for them forever,
#     and a worker that misses the signal (see the notes) never ends.
exec granian granian_wsgi_app:app --interface wsgi \
    --host 127.0.0.1 --port "${PORT:-8000}" --workers 2 \
    --url-path-prefix /api --workers-kill-timeout 30
