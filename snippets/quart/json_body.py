"""Validate a JSON body in Quart with Quart-Schema and a Pydantic model."""

from itertools import count

from pydantic import BaseModel, Field
from quart import Quart
from quart_schema import QuartSchema, RequestSchemaValidationError, validate_request

app = Quart(__name__)
# The validators need it; it also serves the OpenAPI document at /openapi.json and viewers at /docs, /redocs and /scalar.
QuartSchema(app)
# The counter lives in this process only: other workers count on their own and a restart begins again at 1.
next_id = count(1)


class NewItem(BaseModel):
    name: str
    price: float = Field(gt=0)


@app.errorhandler(RequestSchemaValidationError)
async def invalid_body(error: RequestSchemaValidationError) -> tuple[dict[str, str], int]:
    # Pydantic's message lists each failing field by name.
    return {"error": str(error.validation_error)}, 400


@app.post("/items")
@validate_request(NewItem)
async def create_item(data: NewItem) -> tuple[dict[str, int | str | float], int]:
    return {"id": next(next_id), **data.model_dump()}, 201
