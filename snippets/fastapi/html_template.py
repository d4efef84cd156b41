"""Render an HTML page from a Jinja2 template in FastAPI."""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


@app.get("/hello", response_class=HTMLResponse)
async def hello(request: Request, name: str = "world") -> HTMLResponse:
    return templates.TemplateResponse(request, "hello.html", {"name": name})
