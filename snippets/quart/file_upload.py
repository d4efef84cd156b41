"""Accept a multipart file upload in Quart, with a 10 MiB body limit counted as the body streams in."""

import hashlib

from quart import Quart, abort, request
from quart.wrappers import Body, Request
from werkzeug.exceptions import RequestEntityTooLarge

MAX_BODY = 10 * 1024 * 1024


class CountedBody(Body):
    """Answers 413 once the bytes read pass the limit.

    MAX_CONTENT_LENGTH alone refuses a larger declared Content-Length before the body is read, but the form parser
    streams a chunked body, which declares none, without counting it.
    """

    def __init__(self, expected_content_length: int | None, max_content_length: int | None) -> None:
        super().__init__(expected_content_length, max_content_length)
        self.received = 0

    async def __anext__(self) -> bytes:
        chunk = await super().__anext__()
        self.received += len(chunk)
        if self.received > MAX_BODY:
            raise RequestEntityTooLarge()
        return chunk


class CountedRequest(Request):
    body_class = CountedBody


app = Quart(__name__)
app.request_class = CountedRequest
app.config["MAX_CONTENT_LENGTH"] = MAX_BODY


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
