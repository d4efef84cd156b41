"""Answer with a JSON object from Litestar."""

from litestar import Litestar, get


@get("/")
async def hello() -> dict[str, str]:
    return {"message": "Hello, world!", "framework": "litestar"}


app = Litestar(route_handlers=[hello])
