#!/bin/sh
# Serve app.py with Granian's ASGI interface in two worker processes,
# behind nginx on the same machine (see nginx.conf).
#   granian_asgi_app:app: app.py wrapped by Granian's own
#     granian.utils.proxies, which believes X-Forwarded-For and
#     X-Forwarded-Proto only from 127.0.0.1; Granian has no
#     command-line setting for forwarded headers.
#   --interface asgi: Granian's default is its own RSGI interface.
#   --url-path-prefix /api: the proxy serves the app under /api and
#     strips it; Granian hands the prefix to the app as root_path,
#     which the app puts back into the URLs it makes.
#   --workers-kill-timeout 30: on SIGTERM the workers stop taking
#     connections and finish the requests in flight; one still busy
#     after 30 s is killed. Without it Granian waits for them forever.
exec granian granian_asgi_app:app --interface asgi \
    --host 127.0.0.1 --port "${PORT:-8000}" --workers 2 \
    --url-path-prefix /api --workers-kill-timeout 30
