"""Allow one origin with Litestar's CORS configuration."""

from litestar import Litestar, get
from litestar.config.cors import CORSConfig


@get("/items")
async def list_items() -> list[dict[str, str]]:
    return []


cors_config = CORSConfig(allow_origins=["https://app.example.com"], allow_methods=["GET", "POST"], allow_headers=["Content-Type"])

# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(route_handlers=[list_items], cors_config=cors_config)
