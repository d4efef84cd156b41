"""Answer with a plain-text greeting from Litestar."""

from litestar import Litestar, MediaType, get


@get("/", media_type=MediaType.TEXT)
async def hello() -> str:
    return "Hello, world!"


app = Litestar(route_handlers=[hello])
