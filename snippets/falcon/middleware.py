"""Give every Falcon response an X-Request-ID with a middleware component."""

import uuid

import falcon.asgi


class RequestID:
    async def process_request(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        req.context.request_id = req.get_header("X-Request-ID") or str(uuid.uuid4())

    # Falcon calls process_response for every request, including unrouted ones and errors.
    async def process_response(self, req: falcon.asgi.Request, resp: falcon.asgi.Response, resource: object, req_succeeded: bool) -> None:
        resp.set_header("X-Request-ID", req.context.request_id)


class Root:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        resp.media = {"request_id": req.context.request_id}


app = falcon.asgi.App(middleware=[RequestID()])
app.add_route("/", Root())
