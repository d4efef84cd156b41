"""Turn unknown paths and unhandled exceptions into JSON errors with Litestar exception handlers."""

from litestar import Litestar, MediaType, Request, Response, get
from litestar.exceptions import NotFoundException
from litestar.status_codes import HTTP_404_NOT_FOUND, HTTP_500_INTERNAL_SERVER_ERROR


@get("/boom")
async def boom() -> None:
    raise RuntimeError("secret detail")


def not_found(request: Request, exc: NotFoundException) -> Response[dict[str, str]]:
    return Response({"error": "not found"}, status_code=HTTP_404_NOT_FOUND, media_type=MediaType.JSON)


def server_error(request: Request, exc: Exception) -> Response[dict[str, str]]:
    # Litestar logs exceptions only in debug mode, so the handler logs this one, traceback included, itself;
    # the client only learns that something failed.
    request.logger.error("unhandled error on %s", request.url.path, exc_info=exc)
    return Response({"error": "internal server error"}, status_code=HTTP_500_INTERNAL_SERVER_ERROR, media_type=MediaType.JSON)


# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(
    route_handlers=[boom],
    exception_handlers={NotFoundException: not_found, HTTP_500_INTERNAL_SERVER_ERROR: server_error},
)
