"""Serve the static/ folder next to this file under /static with Falcon's static route."""

from pathlib import Path

import falcon.asgi

app = falcon.asgi.App()
# The static route sets ETag and Last-Modified, answers conditional requests with 304 and refuses paths with "..".
app.add_static_route("/static", Path(__file__).parent / "static")
