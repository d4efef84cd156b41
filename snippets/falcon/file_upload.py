"""Accept a multipart file upload in Falcon, with a 10 MiB body limit."""

import hashlib
from typing import Any

import falcon
import falcon.asgi

MAX_BODY = 10 * 1024 * 1024


# Falcon has no body size setting, so a hook refuses a larger declared Content-Length before the body is read.
async def limit_body(req: falcon.asgi.Request, resp: falcon.asgi.Response, resource: object, params: dict[str, Any]) -> None:
    if req.content_length is not None and req.content_length > MAX_BODY:
        raise falcon.HTTPContentTooLarge(description=f"The body may be at most {MAX_BODY} bytes.")


class Upload:
    @falcon.before(limit_body)
    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        form = await req.get_media()
        async for part in form:
            if part.name == "file":
                digest, size = hashlib.sha256(), 0
                async for chunk in part.stream:
                    digest.update(chunk)
                    size += len(chunk)
                resp.media = {"filename": part.filename, "size": size, "sha256": digest.hexdigest()}
                return
        raise falcon.HTTPMissingParam("file")


app = falcon.asgi.App()
app.add_route("/upload", Upload())
