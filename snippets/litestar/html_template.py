"""Render templates/hello.html with Litestar's Jinja2 template engine."""

from pathlib import Path

from litestar import Litestar, get
from litestar.params import FromQuery
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.response import Template
from litestar.template.config import TemplateConfig


@get("/hello")
async def hello(name: FromQuery[str] = "world") -> Template:
    return Template(template_name="hello.html", context={"name": name})


# Litestar also serves the OpenAPI schema and docs pages under /schema (openapi_config=None turns them off).
app = Litestar(
    route_handlers=[hello],
    template_config=TemplateConfig(directory=Path(__file__).parent / "templates", engine=JinjaTemplateEngine),
)
