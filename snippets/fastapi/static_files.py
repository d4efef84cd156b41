"""Serve the files of a static/ folder under /static/ in FastAPI."""

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()
app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
