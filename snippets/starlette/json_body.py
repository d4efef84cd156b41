"""Validate a JSON request body against a Pydantic model with SpecTree on Starlette."""

from itertools import count

from pydantic import BaseModel, Field
from spectree import SpecTree
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

spec = SpecTree("starlette")
# The counter lives in this process only: other workers count on their own and a restart begins again at 1.
next_id = count(1)


class NewItem(BaseModel):
    name: str
    price: float = Field(gt=0)


@spec.validate()
async def create_item(request: Request, json: NewItem) -> JSONResponse:
    return JSONResponse({"id": next(next_id), **json.model_dump()}, status_code=201)


app = Starlette(routes=[Route("/items", create_item, methods=["POST"])])
# Publishes the OpenAPI document of the validated routes, with its viewers, under /apidoc/; validation works without it.
spec.register(app)
