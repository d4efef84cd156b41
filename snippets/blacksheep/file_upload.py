"""Stream a multipart file upload in BlackSheep and refuse bodies over 10 MiB."""

import hashlib

from blacksheep import Application, Request, Response, bad_request, json, post
from blacksheep.exceptions import HTTPException

MAX_BODY = 10 * 1024 * 1024

app = Application()


def too_large() -> HTTPException:
    return HTTPException(413, "Request body too large")


# BlackSheep has no request size setting, so the handler enforces it: first from the announced
# Content-Length, before anything is read, then on the bytes actually streamed.
@post("/upload")
async def upload(request: Request) -> Response:
    announced = request.get_first_header(b"Content-Length")
    if announced is not None and int(announced) > MAX_BODY:
        raise too_large()
    received = 0
    async for part in request.multipart_stream():
        digest, size = hashlib.sha256(), 0
        async for chunk in part.stream():
            received += len(chunk)
            if received > MAX_BODY:
                raise too_large()
            digest.update(chunk)
            size += len(chunk)
        if part.name == "file":
            return json({"filename": part.file_name, "size": size, "sha256": digest.hexdigest()})
    return bad_request("The form has no 'file' field.")
