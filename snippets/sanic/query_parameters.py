"""Validate query parameters with defaults and bounds in Sanic, through Sanic Extensions."""

from pydantic import BaseModel, Field
from sanic import HTTPResponse, Request, Sanic, json
from sanic_ext import validate

# Sanic loads Sanic Extensions, installed here, by itself; among its features it serves OpenAPI docs under /docs.
app = Sanic("QueryParameters")


class Search(BaseModel):
    q: str
    limit: int = Field(default=10, ge=1, le=100)


@app.get("/search")
@validate(query=Search)
async def search(request: Request, query: Search) -> HTTPResponse:
    return json(query.model_dump())
