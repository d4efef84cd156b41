"""Receive a multipart file upload in FastAPI, with the request body capped at 10 MiB."""

import hashlib

from fastapi import FastAPI, UploadFile

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()


# Bodies over the limit get 413: a larger Content-Length at once, otherwise as soon as the bytes read pass it.
@app.post("/upload", max_body_size=10 * 1024 * 1024)
async def upload(file: UploadFile) -> dict[str, str | int | None]:
    digest = hashlib.sha256()
    size = 0
    while chunk := await file.read(64 * 1024):
        digest.update(chunk)
        size += len(chunk)
    return {"filename": file.filename, "size": size, "sha256": digest.hexdigest()}
