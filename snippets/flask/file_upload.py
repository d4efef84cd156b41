"""Receive a multipart file upload in Flask and answer its name, size and SHA-256, refusing bodies over 10 MiB."""

import hashlib

from flask import Flask, abort, request

app = Flask(__name__)
# Werkzeug compares Content-Length with this before reading the body, and answers 413 when it is larger.
app.config["MAX_CONTENT_LENGTH"] = 10 * 1024 * 1024


@app.post("/upload")
def upload() -> dict[str, str | int]:
    received = request.files.get("file")
    if received is None:
        abort(400, "no file in the 'file' field")
    digest = hashlib.sha256()
    size = 0
    while chunk := received.stream.read(64 * 1024):
        digest.update(chunk)
        size += len(chunk)
    return {"filename": received.filename or "", "size": size, "sha256": digest.hexdigest()}
