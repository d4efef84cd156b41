"""Validate a JSON body in Bottle with webargs and a marshmallow schema, and answer 201 with the new item."""

from itertools import count

from bottle import Bottle, HTTPError, HTTPResponse, response
from marshmallow import Schema, fields, validate
from webargs.bottleparser import use_args

app = Bottle()
# The counter lives in this process: each worker counts on its own (two items can get the same id) and a restart begins again at 1.
next_id = count(1)


class ItemIn(Schema):
    name = fields.Str(required=True)
    price = fields.Float(required=True, validate=validate.Range(min=0, min_inclusive=False))


@app.post("/items")
@use_args(ItemIn(), location="json")
def create_item(item: dict[str, object]) -> HTTPResponse:
    return HTTPResponse({"id": next(next_id), **item}, status=201)


# webargs answers 422 for a field that fails, and 400 for JSON it cannot parse, with messages keyed by field; Bottle's
# JSON plugin has already turned them into JSON text, but the default error page would wrap it in HTML.
@app.error(400)
@app.error(422)
def invalid(error: HTTPError) -> str:
    response.content_type = "application/json"
    return error.body
