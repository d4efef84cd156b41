"""Give every hug response an X-Request-ID with request and response middleware and an exception handler."""

import logging
import re
import uuid

import hug

WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@hug.request_middleware()
def assign_request_id(request, response):
    given = request.get_header("X-Request-ID", default="")
    request.context.request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())


# Response middleware also runs for hug's 404 and 405 answers.
@hug.response_middleware()
def send_request_id(request, response, resource):
    response.set_header("X-Request-ID", request.context.request_id)


# Without a handler, a route's exception escapes to the WSGI server, whose bare 500 skips the response middleware.
@hug.exception(Exception)
def server_error(exception, response):
    logging.getLogger(__name__).error("Unhandled error", exc_info=exception)
    response.status = hug.HTTP_500
    return {"errors": {"server": "Internal Server Error"}}


# hug answers an unknown path with a 404 that documents every route of this module (a @hug.not_found() handler replaces it).
@hug.get("/")
def show_request_id(request):
    return {"request_id": request.context.request_id}


@hug.get("/boom")
def boom():
    raise RuntimeError("boom")
