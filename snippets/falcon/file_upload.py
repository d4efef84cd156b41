"""Accept a multipart file upload in Falcon, with a 10 MiB body limit."""

import hashlib
from typing import Any

import falcon
import falcon.asgi

MAX_BODY = 10 * 1024 * 1024


def too_large() -> falcon.HTTPContentTooLarge:
    return falcon.HTTPContentTooLarge(description=f"The body may be at most {MAX_BODY} bytes.")


# Falcon has no body size setting. A hook refuses a larger declared Content-Length before the body is read;
# a chunked body declares none, so the handler also counts the bytes as it streams them.
async def limit_body(req: falcon.asgi.Request, resp: falcon.asgi.Response, resource: object, params: dict[str, Any]) -> None:
    if req.content_length is not None and req.content_length > MAX_BODY:
        raise too_large()


class Upload:
    @falcon.before(limit_body)
    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        form = await req.get_media()
        received = 0
        async for part in form:
            digest, size = hashlib.sha256(), 0
            async for chunk in part.stream:
                received += len(chunk)
                if received > MAX_BODY:
                    raise too_large()
                digest.update(chunk)
                size += len(chunk)
            if part.name == "file":
                resp.media = {"filename": part.filename, "size": size, "sha256": digest.hexdigest()}
                return
        raise falcon.HTTPMissingParam("file")


app = falcon.asgi.App()
app.add_route("/upload", Upload())
