"""Answer GET / with a JSON object from a Falcon ASGI app."""

import falcon.asgi


class Hello:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = {"message": "Hello, world!", "framework": "falcon"}


app = falcon.asgi.App()
app.add_route("/", Hello())
