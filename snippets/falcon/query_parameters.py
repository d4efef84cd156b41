"""Read a required and a bounded integer query parameter with Falcon's typed getters."""

import falcon.asgi


class Search:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        # Both getters raise a 400 that names the parameter when it is missing or invalid.
        q = req.get_param("q", required=True)
        limit = req.get_param_as_int("limit", default=10, min_value=1, max_value=100)
        resp.media = {"q": q, "limit": limit}


app = falcon.asgi.App()
app.add_route("/search", Search())
