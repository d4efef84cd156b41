"""Serve the files of a static/ folder under /static/ with Responder."""

from pathlib import Path

import responder

api = responder.API(static_dir=Path(__file__).parent / "static", static_route="/static")
