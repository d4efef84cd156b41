"""Answer unknown paths and failing handlers with JSON errors in hug."""

import logging

import hug


@hug.not_found()
def not_found():
    return {"error": "not found"}


# Without this handler the exception would reach gunicorn, which answers with an HTML page.
@hug.exception(Exception, status=hug.HTTP_500)
def internal_error(exception):
    logging.getLogger(__name__).error("unhandled exception", exc_info=exception)
    return {"error": "internal server error"}


@hug.get("/boom")
def boom():
    raise RuntimeError("secret detail")
