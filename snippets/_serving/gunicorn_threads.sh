#!/bin/sh
# Serve wsgi_app.py with Gunicorn's threaded workers in two processes,
# behind nginx on the same machine (see nginx_whole_path.conf).
#   --worker-class gthread --workers 2 --threads 4: each process
#     answers up to four requests at once, in threads.
#   --forwarded-allow-ips 127.0.0.1: believe X-Forwarded-Proto only
#     from the proxy. Gunicorn has no setting that takes the client's
#     address from X-Forwarded-For: the app sees the proxy's address.
#   --env SCRIPT_NAME=/api: Gunicorn takes /api off the front of the
#     path itself, so the proxy must pass it on; the app then answers
#     under /api only, even to a client that reaches Gunicorn directly.
#   --graceful-timeout 30: on SIGTERM, requests in flight get 30 s to
#     finish before Gunicorn kills the workers. New connections wait
#     meanwhile on the socket the busy worker keeps open, unanswered,
#     and are reset when it exits.
#   --no-control-socket: Gunicorn 27 otherwise opens a control socket
#     at one path per user, which a second Gunicorn on the machine
#     takes over and deletes when it stops.
exec gunicorn wsgi_app:app --bind "127.0.0.1:${PORT:-8000}" \
    --worker-class gthread --workers 2 --threads 4 \
    --forwarded-allow-ips 127.0.0.1 --env SCRIPT_NAME=/api \
    --graceful-timeout 30 --no-control-socket
