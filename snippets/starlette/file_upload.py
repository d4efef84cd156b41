"""Receive a multipart file upload in Starlette, with the request body capped at 10 MiB."""

import hashlib

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def upload(request: Request) -> JSONResponse:
    async with request.form() as form:
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise HTTPException(status_code=400, detail="Send the file in the 'file' field")
        digest = hashlib.sha256()
        size = 0
        while chunk := await file.read(64 * 1024):
            digest.update(chunk)
            size += len(chunk)
        return JSONResponse({"filename": file.filename, "size": size, "sha256": digest.hexdigest()})


# Bodies over the limit get 413: a larger Content-Length at once, otherwise as soon as the bytes read pass it.
app = Starlette(routes=[Route("/upload", upload, methods=["POST"], max_body_size=10 * 1024 * 1024)])
