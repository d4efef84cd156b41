"""Read a required and a bounded, defaulted query parameter in Bottle through webargs, which answers 422 for bad input."""

from bottle import Bottle, HTTPError, response
from marshmallow import fields, validate
from webargs.bottleparser import use_args

app = Bottle()

SEARCH = {"q": fields.Str(required=True), "limit": fields.Int(load_default=10, validate=validate.Range(min=1, max=100))}


@app.get("/search")
@use_args(SEARCH, location="query")
def search(args: dict[str, object]) -> dict[str, object]:
    return {"q": args["q"], "limit": args["limit"]}


# webargs raises HTTPError(422) with its messages by location and field; Bottle's JSON plugin has already turned that
# body into JSON text, but the default error page would wrap it in HTML.
@app.error(422)
def invalid(error: HTTPError) -> str:
    response.content_type = "application/json"
    return error.body
