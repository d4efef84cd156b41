"""Read a header and a cookie, and set a cookie, in Falcon."""

import falcon.asgi


class WhoAmI:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = {"client": req.get_header("X-Client"), "hint": req.cookies.get("hint")}
        # Falcon also marks cookies Secure unless told otherwise.
        resp.set_cookie("visited", "yes", path="/", http_only=True, same_site="Lax")


app = falcon.asgi.App()
app.add_route("/whoami", WhoAmI())
