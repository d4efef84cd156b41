"""The WSGI twin of app.py for the WSGI server recipes: the same routes and answers, so that what differs from one
recipe to the next is the server's doing alone."""

import json
import os
import time

SLOW_S = 6.0
"""How long GET /slow takes: long enough to be in flight when the server is told to stop, and to outlast the moment a
busy machine takes to deliver the signal."""


def app(environ, start_response):
    status, body = answer(environ)
    payload = json.dumps(body).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
    return [payload]


def answer(environ):
    # WSGI keeps the mount point in SCRIPT_NAME and the rest of the path in PATH_INFO.
    root_path, path = environ.get("SCRIPT_NAME", ""), environ.get("PATH_INFO", "")
    if path == "/health":
        return "200 OK", {"status": "ok"}
    if path == "/slow":
        print("slow request started", flush=True)
        time.sleep(SLOW_S)
        return "200 OK", {"slow": "done"}
    if path == "/":
        scheme = environ["wsgi.url_scheme"]
        return "200 OK", {
            "pid": os.getpid(),
            "client": environ.get("REMOTE_ADDR"),
            "scheme": scheme,
            # A URL the app makes for itself: behind a proxy that mounts it under a prefix, it must carry the prefix.
            "health_url": f"{scheme}://{environ.get('HTTP_HOST', '')}{root_path}/health",
        }
    return "404 Not Found", {"error": "not found"}
