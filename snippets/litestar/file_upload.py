"""Accept a multipart file upload with a 10 MiB body limit in Litestar."""

import hashlib
from typing import Annotated

from litestar import Litestar, post
from litestar.datastructures import UploadFile
from litestar.enums import RequestEncodingType
from litestar.params import Body

MAX_BODY = 10 * 1024 * 1024


@post("/upload", status_code=200)
async def upload(data: Annotated[UploadFile, Body(media_type=RequestEncodingType.MULTI_PART)]) -> dict[str, str | int]:
    content = await data.read()
    return {"filename": data.filename, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}


# Litestar answers 413 once the Content-Length, or the bytes streamed so far, exceed the limit.
app = Litestar(route_handlers=[upload], request_max_body_size=MAX_BODY)
