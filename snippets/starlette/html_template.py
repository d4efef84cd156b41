"""Render an HTML page from a Jinja2 template in Starlette."""

from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import Route
from starlette.templating import Jinja2Templates

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


async def hello(request: Request) -> HTMLResponse:
    name = request.query_params.get("name", "world")
    return templates.TemplateResponse(request, "hello.html", {"name": name})


app = Starlette(routes=[Route("/hello", hello)])
