"""Serve the static/ folder under /static/ with BlackSheep's file serving."""

from pathlib import Path

from blacksheep import Application

app = Application()
app.serve_files(Path(__file__).parent / "static", root_path="static")
