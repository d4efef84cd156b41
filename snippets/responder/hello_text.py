"""Return a plain-text greeting from Responder."""

import responder

api = responder.API()


@api.route("/")
def hello(req: responder.Request, resp: responder.Response) -> None:
    resp.text = "Hello, world!"
