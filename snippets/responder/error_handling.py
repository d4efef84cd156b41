"""Answer unknown paths and unhandled exceptions with small JSON errors in Responder."""

from typing import Any

import responder

MESSAGES = {404: "not found", 500: "internal server error"}


# Responder renders every error it raises itself (no route, unhandled exception...) as a problem-details
# payload and passes it here first; a returned dict replaces it, None keeps it as it is.
def short_errors(payload: dict[str, Any], request: Any, exc: Exception | None) -> dict[str, str] | None:
    message = MESSAGES.get(payload["status"])
    return {"error": message} if message else None


api = responder.API(problem_handler=short_errors)


@api.get("/boom")
def boom(req: responder.Request, resp: responder.Response) -> None:
    raise RuntimeError("secret detail")
