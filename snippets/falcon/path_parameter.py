"""Read an integer path parameter in Falcon with the int field converter."""

import falcon.asgi


class Item:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, item_id: int) -> None:
        resp.media = {"item_id": item_id}


app = falcon.asgi.App()
# A segment that is not an integer does not match the route, so Falcon answers 404.
app.add_route("/items/{item_id:int}", Item())
