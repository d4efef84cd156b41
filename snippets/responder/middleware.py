"""Put an X-Request-ID on every response with Responder's built-in request-ID middleware."""

import responder
from responder.ext.logging import RequestContext

# The logging middleware echoes a valid incoming X-Request-ID or mints a UUID4, and keeps it in the request context.
api = responder.API(enable_logging=True)


@api.route("/")
async def show_request_id(req: responder.Request, resp: responder.Response) -> None:
    resp.media = {"request_id": RequestContext.get_request_id()}
