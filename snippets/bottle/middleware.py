"""Give every Bottle response an X-Request-ID with request hooks and a 500 error handler, the handler reading it from the request."""

import re
import uuid

from bottle import Bottle, HTTPError, request, response

app = Bottle()
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@app.hook("before_request")
def assign_request_id() -> None:
    # Attributes set on Bottle's request live in the WSGI environ of the current request.
    given = request.get_header("X-Request-ID", "")
    request.request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())


# after_request runs for routing errors such as a 404 or 405 as well.
@app.hook("after_request")
def add_request_id() -> None:
    response.set_header("X-Request-ID", request.request_id)


# A handler's exception is answered with a new HTTPError whose headers replace those after_request set.
@app.error(500)
def server_error(error: HTTPError) -> str:
    response.set_header("X-Request-ID", request.request_id)
    return app.default_error_handler(error)


@app.get("/")
def show_request_id() -> dict[str, str]:
    return {"request_id": request.request_id}


@app.get("/boom")
def boom() -> None:
    raise RuntimeError("boom")
