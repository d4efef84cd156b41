"""Allow one origin to call a Falcon app with its CORS middleware."""

from typing import Any

import falcon
import falcon.asgi


# The middleware grants a preflight the methods this resource has responders for.
class Items:
    def __init__(self) -> None:
        # The list lives in this process's memory: workers do not share it and a restart empties it; a real app keeps items in a database.
        self.items: list[Any] = []

    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = self.items

    async def on_post(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        item = await req.get_media()
        self.items.append(item)
        resp.media = item
        resp.status = falcon.HTTP_201


app = falcon.asgi.App(middleware=[falcon.CORSMiddleware(allow_origins="https://app.example.com")])
app.add_route("/items", Items())
