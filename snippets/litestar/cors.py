"""Allow one origin with Litestar's CORS configuration."""

from litestar import Litestar, get
from litestar.config.cors import CORSConfig


@get("/items")
async def list_items() -> list[dict[str, str]]:
    return []


cors_config = CORSConfig(allow_origins=["https://app.example.com"], allow_methods=["GET", "POST"], allow_headers=["Content-Type"])

app = Litestar(route_handlers=[list_items], cors_config=cors_config)
