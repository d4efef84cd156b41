"""Serve the static/ folder under /static/ with Robyn's Rust file server."""

from pathlib import Path

from robyn import Robyn

app = Robyn(__file__)
app.serve_directory(route="/static", directory_path=str(Path(__file__).parent / "static"))


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
