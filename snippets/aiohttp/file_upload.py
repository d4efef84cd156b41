"""Accept a multipart file upload with a 10 MiB body limit in aiohttp."""

from hashlib import sha256

from aiohttp import web


async def upload(request: web.Request) -> web.Response:
    form = await request.post()
    file = form.get("file")
    if not isinstance(file, web.FileField):
        raise web.HTTPBadRequest(text="the form has no 'file' field")
    content = file.file.read()
    return web.json_response({"filename": file.filename, "size": len(content), "sha256": sha256(content).hexdigest()})


def create_app(argv: list[str]) -> web.Application:
    # request.post() counts the body as it reads it and answers 413 once it passes the limit;
    # the Content-Length is not checked up front.
    app = web.Application(client_max_size=10 * 1024 * 1024)
    app.add_routes([web.post("/upload", upload)])
    return app
