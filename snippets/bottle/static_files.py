"""Serve the static/ folder next to a Bottle app under /static/ with static_file()."""

from pathlib import Path

from bottle import Bottle, HTTPResponse, static_file

app = Bottle()

STATIC_DIR = Path(__file__).parent / "static"


# static_file() guesses the type, sends ETag and Last-Modified, answers 304, and refuses paths outside root with 403.
@app.get("/static/<filepath:path>")
def static(filepath: str) -> HTTPResponse:
    return static_file(filepath, root=STATIC_DIR)
