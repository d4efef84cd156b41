"""Read an integer path parameter in Litestar."""

from litestar import Litestar, get
from litestar.params import FromPath


@get("/items/{item_id:int}")
async def read_item(item_id: FromPath[int]) -> dict[str, int]:
    return {"item_id": item_id}


# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(route_handlers=[read_item])
