"""Read an integer path parameter through a Starlette path convertor."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def read_item(request: Request) -> JSONResponse:
    # The int convertor only matches digits, so any other value is a 404 and never reaches this handler.
    item_id: int = request.path_params["item_id"]
    return JSONResponse({"item_id": item_id})


app = Starlette(routes=[Route("/items/{item_id:int}", read_item)])
