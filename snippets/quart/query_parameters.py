"""Validate query parameters in Quart with Quart-Schema and a Pydantic model."""

from pydantic import BaseModel, Field
from quart import Quart
from quart_schema import QuartSchema, validate_querystring

app = Quart(__name__)
# The validators need it; it also serves the OpenAPI document at /openapi.json and viewers at /docs, /redocs and /scalar.
QuartSchema(app)


class Search(BaseModel):
    q: str
    limit: int = Field(default=10, ge=1, le=100)


@app.get("/search")
@validate_querystring(Search)
async def search(query_args: Search) -> dict[str, str | int]:
    return {"q": query_args.q, "limit": query_args.limit}
