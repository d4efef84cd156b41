"""Serve the files of a static/ folder under /static/ in Starlette."""

from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

app = Starlette(routes=[Mount("/static", app=StaticFiles(directory=Path(__file__).parent / "static"), name="static")])
