"""Render an HTML page from a Jinja2 template in FastAPI."""

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

app = FastAPI()
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


@app.get("/hello", response_class=HTMLResponse)
async def hello(request: Request, name: str = "world") -> HTMLResponse:
    return templates.TemplateResponse(request, "hello.html", {"name": name})
