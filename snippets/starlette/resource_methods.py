"""Serve GET, PUT and DELETE on one in-memory resource with a Starlette HTTPEndpoint."""

from pydantic import BaseModel
from spectree import SpecTree
from starlette.applications import Starlette
from starlette.endpoints import HTTPEndpoint
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

spec = SpecTree("starlette")


class ItemData(BaseModel):
    name: str
    price: float


# The items live in this process only: other workers do not see them and a restart loses them.
items: dict[int, dict[str, object]] = {1: {"id": 1, "name": "Widget", "price": 9.5}}


# The endpoint answers 405 with an Allow header naming the methods it defines.
class ItemResource(HTTPEndpoint):
    async def get(self, request: Request) -> JSONResponse:
        item_id: int = request.path_params["item_id"]
        if item_id not in items:
            raise HTTPException(status_code=404, detail="Item not found")
        return JSONResponse(items[item_id])

    @spec.validate()
    async def put(self, request: Request, json: ItemData) -> JSONResponse:
        item_id: int = request.path_params["item_id"]
        if item_id not in items:
            raise HTTPException(status_code=404, detail="Item not found")
        items[item_id] = {"id": item_id, **json.model_dump()}
        return JSONResponse(items[item_id])

    async def delete(self, request: Request) -> Response:
        items.pop(request.path_params["item_id"], None)
        return Response(status_code=204)


app = Starlette(routes=[Route("/items/{item_id:int}", ItemResource)])
# Publishes the OpenAPI document of the validated routes, with its viewers, under /apidoc/; validation works without it.
spec.register(app)
