"""Read a header and a cookie and set a cookie in Litestar."""

from typing import Annotated

from litestar import Litestar, Response, get
from litestar.datastructures import Cookie
from litestar.params import FromCookie, HeaderParameter


@get("/whoami")
async def whoami(
    client: Annotated[str | None, HeaderParameter(name="X-Client")] = None,
    hint: FromCookie[str | None] = None,
) -> Response[dict[str, str | None]]:
    visited = Cookie(key="visited", value="yes", secure=True, httponly=True, samesite="lax", path="/")
    return Response({"client": client, "hint": hint}, cookies=[visited])


# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(route_handlers=[whoami])
