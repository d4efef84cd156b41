"""Validate query parameters against a Pydantic model with SpecTree on Starlette."""

from pydantic import BaseModel, Field
from spectree import SpecTree
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

spec = SpecTree("starlette")


class Search(BaseModel):
    q: str
    limit: int = Field(default=10, ge=1, le=100)


@spec.validate()
async def search(request: Request, query: Search) -> JSONResponse:
    return JSONResponse({"q": query.q, "limit": query.limit})


app = Starlette(routes=[Route("/search", search)])
# Publishes the OpenAPI document of the validated routes, with its viewers, under /apidoc/; validation works without it.
spec.register(app)
