"""Read a required and a bounded, defaulted query parameter in Litestar."""

from typing import Annotated

from litestar import Litestar, get
from litestar.params import FromQuery, QueryParameter


@get("/search")
async def search(q: FromQuery[str], limit: Annotated[int, QueryParameter(ge=1, le=100)] = 10) -> dict[str, str | int]:
    return {"q": q, "limit": limit}


# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(route_handlers=[search])
