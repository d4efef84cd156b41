"""Accept a multipart file upload with a 10 MiB body limit in Sanic."""

from hashlib import sha256

from sanic import HTTPResponse, Request, Sanic, json
from sanic.exceptions import BadRequest

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("FileUpload")
# Sanic answers 413 from the Content-Length, before the body is read.
app.config.REQUEST_MAX_SIZE = 10 * 1024 * 1024


@app.post("/upload")
async def upload(request: Request) -> HTTPResponse:
    file = request.files.get("file")
    if file is None:
        raise BadRequest("the form has no 'file' field")
    return json({"filename": file.name, "size": len(file.body), "sha256": sha256(file.body).hexdigest()})
