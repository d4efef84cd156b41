"""Read a required and a bounded, defaulted query parameter in BlackSheep."""

from typing import Annotated

from blacksheep import Application, Response, get, json
from pydantic import Field, validate_call

app = Application()


# BlackSheep binds and converts the query values; Pydantic's validate_call checks the bounds, and
# BlackSheep answers its ValidationError with a 400 JSON list of the errors.
@get("/search")
@validate_call
async def search(q: str, limit: Annotated[int, Field(ge=1, le=100)] = 10) -> Response:
    return json({"q": q, "limit": limit})
