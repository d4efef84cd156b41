"""Receive a multipart file upload in Responder, with the request body capped at 10 MiB."""

import hashlib
from typing import Annotated

import responder
from responder import File, UploadFile

# Bodies over the limit get 413: a larger Content-Length at once, otherwise as soon as the bytes read pass it.
api = responder.API(max_request_size=10 * 1024 * 1024)


@api.route("/upload", methods=["POST"])
async def upload(req: responder.Request, resp: responder.Response, *, file: Annotated[UploadFile, File()]) -> None:
    digest = hashlib.sha256()
    size = 0
    while chunk := await file.read(64 * 1024):
        digest.update(chunk)
        size += len(chunk)
    resp.media = {"filename": file.filename, "size": size, "sha256": digest.hexdigest()}
