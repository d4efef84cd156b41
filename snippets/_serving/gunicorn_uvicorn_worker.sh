#!/bin/sh
# Serve app.py with Gunicorn managing two Uvicorn worker processes,
# behind nginx on the same machine (see nginx.conf).
#   --worker-class ...MountedUvicornWorker: Uvicorn's worker from its
#     current home, the uvicorn-worker package (uvicorn.workers is
#     deprecated), subclassed in gunicorn_uvicorn_worker_app.py to set
#     the /api root path: Gunicorn's own --root-path does not reach it.
#   --workers 2: two processes, each with its own event loop.
#   --forwarded-allow-ips 127.0.0.1: Uvicorn's worker takes the
#     client's address and scheme from X-Forwarded-For and
#     X-Forwarded-Proto only on connections from the proxy.
#   --graceful-timeout 30: on SIGTERM the workers close the listening
#     socket, so new connections are refused, and requests in flight
#     get 30 s to finish before Gunicorn kills the workers.
#   --no-control-socket: Gunicorn 27 otherwise opens a control socket
#     at one path per user, which a second Gunicorn on the machine
#     takes over and deletes when it stops.
exec gunicorn gunicorn_uvicorn_worker_app:app \
    --bind "127.0.0.1:${PORT:-8000}" --workers 2 \
    --worker-class gunicorn_uvicorn_worker_app.MountedUvicornWorker \
    --forwarded-allow-ips 127.0.0.1 --graceful-timeout 30 \
    --no-control-socket
