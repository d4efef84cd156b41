"""The server command lines the load benchmark runs every app with, and the raw apps with no framework.

These constants are the method: the /benchmarks/ page prints them, and nothing else sets a flag.
"""

from __future__ import annotations

from pathlib import Path

RAW_APPS = Path(__file__).parent / "raw"
SERVERS_ENVIRONMENT = "bench-servers"
"""`.venvs/<this>`: the servers that run the raw apps, pinned by requirements/bench/servers.txt."""

UVICORN = (
    "uvicorn {target} --host 127.0.0.1 --port {port} --workers 1 --loop uvloop --http httptools --interface asgi3"
    " --no-access-log --log-level warning"
)
"""The one configuration every ASGI framework runs under: one worker, uvloop's event loop, httptools' HTTP parser, and
the ASGI 3 interface stated rather than guessed (Uvicorn's guess takes Emmett's app for an ASGI 2 one)."""
GUNICORN = "gunicorn {target} --bind 127.0.0.1:{port} --workers 1 --worker-class sync --log-level warning"
"""The one configuration every WSGI framework runs under: one synchronous worker, as Gunicorn's default."""

RAW_SERVERS = {
    ("ASGI", "uvicorn"): UVICORN,
    ("ASGI", "hypercorn"): "hypercorn {target} --bind 127.0.0.1:{port} --workers 1 --log-level warning",
    ("ASGI", "granian"): "granian --interface asgi --host 127.0.0.1 --port {port} --workers 1 --log-level warning {target}",
    ("ASGI", "daphne"): "daphne -b 127.0.0.1 -p {port} -v 0 {target}",
    ("WSGI", "gunicorn"): GUNICORN,
    ("WSGI", "granian"): "granian --interface wsgi --host 127.0.0.1 --port {port} --workers 1 --log-level warning {target}",
}
"""The raw apps' servers, each with one worker and its own defaults otherwise."""

BASELINES = {"uvicorn": "raw-asgi", "gunicorn": "raw-wsgi"}
"""The raw app each shared server setup's frameworks are compared with, measured in the same run."""
