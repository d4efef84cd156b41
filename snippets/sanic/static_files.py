"""Serve the static/ folder next to this file with Sanic."""

from pathlib import Path

from sanic import Sanic

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("StaticFiles")
app.static("/static/", Path(__file__).parent / "static", name="static")
