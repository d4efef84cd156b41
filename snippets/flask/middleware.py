"""Give every Flask response an X-Request-ID with request hooks, the view reading it from flask.g."""

import uuid

from flask import Flask, Response, g, request

app = Flask(__name__)


@app.before_request
def assign_request_id() -> None:
    g.request_id = request.headers.get("X-Request-ID") or str(uuid.uuid4())


# after_request also runs for error responses such as a 404, since Flask has turned them into responses by then.
@app.after_request
def add_request_id(response: Response) -> Response:
    response.headers["X-Request-ID"] = g.request_id
    return response


@app.get("/")
def show_request_id() -> dict[str, str]:
    return {"request_id": g.request_id}
