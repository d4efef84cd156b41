"""Serve the static/ folder next to this file with aiohttp."""

from pathlib import Path

from aiohttp import web


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    # Fine for small deployments; aiohttp's docs suggest a reverse proxy for heavy static traffic.
    app.add_routes([web.static("/static", Path(__file__).parent / "static")])
    return app
