"""Put an X-Request-ID on every response with Responder's built-in request-ID middleware."""

import responder
from responder.ext.logging import RequestContext

# The logging middleware echoes an incoming X-Request-ID of 1 to 128 visible ASCII characters (no spaces, control
# bytes or non-ASCII) or mints a UUID4, keeps it in the request context, and stamps it outside error rendering, so
# 404, 405 and 500 answers carry it too.
# Its looser rule is kept: it has no setting, and add_middleware() would put our own inside error rendering, missing 500s.
api = responder.API(enable_logging=True)


@api.route("/", methods=["GET"])
async def show_request_id(req: responder.Request, resp: responder.Response) -> None:
    resp.media = {"request_id": RequestContext.get_request_id()}


@api.route("/boom", methods=["GET"])
async def boom(req: responder.Request, resp: responder.Response) -> None:
    raise RuntimeError("boom")
