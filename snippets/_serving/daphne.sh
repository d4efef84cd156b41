#!/bin/sh
# Serve app.py with Daphne, behind nginx on the same machine (see
# nginx.conf). Daphne has no worker option: it is one process; for
# more, a process manager starts several Daphnes on ports of their
# own and the proxy balances them.
#   --bind 127.0.0.1 --port PORT: listen on loopback only, where
#     nginx reaches it.
#   --proxy-headers: take the client's address from X-Forwarded-For
#     and, when that header is there, the scheme from
#     X-Forwarded-Proto. Daphne believes them from ANY client, not
#     only the proxy, and takes the first address in the header: the
#     proxy must replace the header rather than append to it
#     (nginx.conf does), and nothing but the proxy may connect.
#   --root-path /api: the proxy serves the app under /api and strips
#     it; the app puts it back into the URLs it makes. A
#     Daphne-Root-Path request header overrides it, from any client,
#     through the proxy too unless the proxy clears it.
#   No timeout setting, since Daphne has neither kind: on SIGTERM it
#     cancels requests in flight at once, with no graceful-shutdown
#     timeout, and an idle keep-alive connection is closed after
#     60 s, Twisted's fixed default.
exec daphne --bind 127.0.0.1 --port "${PORT:-8000}" --proxy-headers \
    --root-path /api app:app
