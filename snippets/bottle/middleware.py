"""Give every Bottle response an X-Request-ID with request hooks, the handler reading it from the request."""

import uuid

from bottle import Bottle, request, response

app = Bottle()


@app.hook("before_request")
def assign_request_id() -> None:
    # Attributes set on Bottle's request live in the WSGI environ of the current request.
    request.request_id = request.get_header("X-Request-ID") or str(uuid.uuid4())


# after_request runs for routing errors such as a 404 as well.
@app.hook("after_request")
def add_request_id() -> None:
    response.set_header("X-Request-ID", request.request_id)


@app.get("/")
def show_request_id() -> dict[str, str]:
    return {"request_id": request.request_id}
