"""Answer unknown paths and failing responders with JSON errors in Falcon."""

import logging
from typing import Any

import falcon
import falcon.asgi

logger = logging.getLogger(__name__)


class Boom:
    async def on_get(self, req: falcon.asgi.Request, resp: falcon.asgi.Response) -> None:
        raise RuntimeError("secret detail")


async def not_found(req: falcon.asgi.Request, resp: falcon.asgi.Response, ex: falcon.HTTPNotFound, params: dict[str, Any]) -> None:
    resp.status = falcon.HTTP_404
    resp.media = {"error": "not found"}


# Replaces Falcon's catch-all handler; HTTP errors such as 405 keep their own, more specific one.
async def internal_error(req: falcon.asgi.Request, resp: falcon.asgi.Response, ex: Exception, params: dict[str, Any]) -> None:
    logger.error("unhandled exception on %s", req.path, exc_info=ex)
    resp.status = falcon.HTTP_500
    resp.media = {"error": "internal server error"}


app = falcon.asgi.App()
app.add_route("/boom", Boom())
app.add_error_handler(falcon.HTTPNotFound, not_found)
app.add_error_handler(Exception, internal_error)
