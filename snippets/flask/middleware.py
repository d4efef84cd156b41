"""Give every Flask response an X-Request-ID with request hooks, the view reading it from flask.g."""

import re
import uuid

from flask import Flask, Response, g, request

app = Flask(__name__)
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@app.before_request
def assign_request_id() -> None:
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())


# after_request also runs for error responses such as a 404, a 405 or a failing view's 500, since Flask has turned
# them into responses by then.
@app.after_request
def add_request_id(response: Response) -> Response:
    response.headers["X-Request-ID"] = g.request_id
    return response


@app.get("/")
def show_request_id() -> dict[str, str]:
    return {"request_id": g.request_id}


@app.get("/boom")
def boom() -> None:
    raise RuntimeError("boom")
