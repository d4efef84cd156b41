"""Accept a multipart file upload in Quart, with a 10 MiB body limit."""

import hashlib

from quart import Quart, abort, request

app = Quart(__name__)
# A larger declared Content-Length is refused with 413 before the body is read.
app.config["MAX_CONTENT_LENGTH"] = 10 * 1024 * 1024


@app.post("/upload")
async def upload() -> dict[str, str | int]:
    files = await request.files
    if "file" not in files:
        abort(400)
    upload = files["file"]
    digest = hashlib.sha256()
    size = 0
    while chunk := upload.stream.read(64 * 1024):
        digest.update(chunk)
        size += len(chunk)
    return {"filename": upload.filename or "", "size": size, "sha256": digest.hexdigest()}
