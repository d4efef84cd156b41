"""Read an integer path parameter through a Responder route convertor."""

import responder

api = responder.API()


# The int convertor only matches digits, so any other value is a 404 and never reaches this view.
@api.route("/items/{item_id:int}")
def read_item(req: responder.Request, resp: responder.Response, *, item_id: int) -> None:
    resp.media = {"item_id": item_id}
