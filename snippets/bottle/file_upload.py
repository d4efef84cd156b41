"""Receive a multipart file upload in Bottle and answer its name, size and SHA-256, refusing bodies over 10 MiB."""

import hashlib

from bottle import Bottle, abort, request

MAX_BODY = 10 * 1024 * 1024

app = Bottle()


@app.post("/upload")
def upload() -> dict[str, str | int]:
    # Bottle has no body size setting (MEMFILE_MAX only decides when an upload spills to disk), so the declared
    # length is checked here, before request.files reads the body. Bottle cannot count a chunked body under
    # gunicorn: gunicorn removes the chunk framing but keeps the Transfer-Encoding header, and Bottle's own
    # decoding then fails. So a body without a declared length is refused with 411 before any of it is read.
    if request.content_length < 0:
        abort(411, "send the upload with a Content-Length")
    if request.content_length > MAX_BODY:
        abort(413, "request body too large")
    received = request.files.get("file")
    if received is None:
        abort(400, "no file in the 'file' field")
    digest = hashlib.sha256()
    size = 0
    while chunk := received.file.read(64 * 1024):
        digest.update(chunk)
        size += len(chunk)
    return {"filename": received.raw_filename, "size": size, "sha256": digest.hexdigest()}
