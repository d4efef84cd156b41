"""Give every Falcon response an X-Request-ID with a middleware component."""

import re
import uuid

import falcon.asgi

WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


class RequestID:
    async def process_request(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        given = req.get_header("X-Request-ID", default="")
        req.context.request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())

    # Falcon calls process_response for every request, including unrouted ones and errors.
    async def process_response(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, resource: object, req_succeeded: bool) -> None:
        resp.set_header("X-Request-ID", req.context.request_id)


class Root:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = {"request_id": req.context.request_id}


class Boom:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        raise RuntimeError("boom")


app = falcon.asgi.App(middleware=[RequestID()])
app.add_route("/", Root())
app.add_route("/boom", Boom())
