"""Answer unknown paths and failing handlers with JSON errors in Klein."""

import json
import sys

from klein import Klein
from twisted.logger import Logger, LogLevel
from twisted.python.failure import Failure
from twisted.web.iweb import IRequest
from werkzeug.exceptions import MethodNotAllowed, NotFound

app = Klein()
log = Logger()


def json_error(request: IRequest, code: int, message: str) -> str:
    request.setResponseCode(code)
    request.setHeader("Content-Type", "application/json")
    return json.dumps({"error": message})


# Handlers are tried in the order they were registered, so the specific one comes first.
@app.handle_errors(NotFound)
def not_found(request: IRequest, failure: Failure) -> str:
    return json_error(request, 404, "not found")


@app.handle_errors(MethodNotAllowed)
def method_not_allowed(request: IRequest, failure: Failure) -> str:
    request.setHeader("Allow", ", ".join(failure.value.valid_methods))
    return json_error(request, 405, "method not allowed")


@app.handle_errors(Exception)
def server_error(request: IRequest, failure: Failure) -> str:
    # The details go to the log, never to the client.
    log.failure("unhandled error on {path}", failure, LogLevel.error, path=request.path)
    return json_error(request, 500, "internal server error")


@app.route("/boom", methods=["GET"])
def boom(request: IRequest) -> str:
    raise RuntimeError("secret detail")


if __name__ == "__main__":
    app.run("127.0.0.1", int(sys.argv[1]), displayTracebacks=False)
