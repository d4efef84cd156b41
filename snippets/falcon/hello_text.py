"""Answer GET / with plain text from a Falcon ASGI app."""

import falcon
import falcon.asgi


class Hello:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.content_type = falcon.MEDIA_TEXT
        resp.text = "Hello, world!"


app = falcon.asgi.App()
app.add_route("/", Hello())
