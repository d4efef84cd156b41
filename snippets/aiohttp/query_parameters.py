"""Validate query parameters with defaults and bounds in aiohttp, through aiohttp-pydantic."""

from typing import Annotated

from aiohttp import web
from aiohttp_pydantic.decorator import inject_params
from pydantic import Field


@inject_params
async def search(q: str, limit: Annotated[int, Field(ge=1, le=100)] = 10) -> web.Response:
    return web.json_response({"q": q, "limit": limit})


def create_app(argv: list[str]) -> web.Application:
    app = web.Application()
    app.add_routes([web.get("/search", search)])
    return app
