"""Allow one origin to call a Flask app cross-origin with Flask-CORS."""

from flask import Flask, Response, jsonify
from flask_cors import CORS

app = Flask(__name__)
# Flask-CORS answers preflight requests and adds the headers only when the Origin is in this list.
CORS(app, origins=["https://app.example.com"])


@app.get("/items")
def list_items() -> Response:
    return jsonify([])
