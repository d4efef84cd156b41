"""Serve the static/ folder next to this file with Sanic."""

from pathlib import Path

from sanic import Sanic

app = Sanic("StaticFiles")
app.static("/static/", Path(__file__).parent / "static", name="static")
