#!/bin/sh
# Serve app.py with Uvicorn in two worker processes, behind nginx on
# the same machine (see nginx.conf).
#   --proxy-headers --forwarded-allow-ips 127.0.0.1: take the client's
#     address and scheme from X-Forwarded-For and X-Forwarded-Proto
#     only on connections from the proxy, so a client that reaches
#     Uvicorn directly cannot claim another address.
#   --root-path /api: the proxy serves the app under /api and strips
#     it; the app puts it back into the URLs it makes.
#   --timeout-graceful-shutdown 30: on SIGTERM, stop taking new
#     connections and give requests in flight 30 s to finish.
exec uvicorn app:app --host 127.0.0.1 --port "${PORT:-8000}" \
    --workers 2 --proxy-headers --forwarded-allow-ips 127.0.0.1 \
    --root-path /api --timeout-graceful-shutdown 30
