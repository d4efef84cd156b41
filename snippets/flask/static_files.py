"""Serve the static/ folder next to a Flask app under /static/, as Flask does by default."""

from flask import Flask

# Flask serves <app folder>/static at /static with ETag and Last-Modified, answering conditional requests with 304.
app = Flask(__name__, static_folder="static", static_url_path="/static")
