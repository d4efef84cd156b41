"""Answer with a JSON object from Litestar."""

from litestar import Litestar, get


@get("/")
async def hello() -> dict[str, str]:
    return {"message": "Hello, world!", "framework": "litestar"}


# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(route_handlers=[hello])
