"""Accept a multipart file upload with a 10 MiB body limit in Litestar."""

import hashlib

from litestar import Litestar, post
from litestar.datastructures import UploadFile
from litestar.params import MultipartBody

MAX_BODY = 10 * 1024 * 1024


@post("/upload", status_code=200)
async def upload(data: MultipartBody[UploadFile]) -> dict[str, str | int]:
    content = await data.read()
    return {"filename": data.filename, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}


# Litestar answers 413 once the Content-Length, or the bytes streamed so far, exceed the limit.
# It also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(route_handlers=[upload], request_max_body_size=MAX_BODY)
