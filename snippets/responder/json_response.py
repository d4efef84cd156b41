"""Return a JSON object from Responder."""

import responder

api = responder.API()


@api.route("/")
def hello(req: responder.Request, resp: responder.Response) -> None:
    resp.media = {"message": "Hello, world!", "framework": "responder"}
