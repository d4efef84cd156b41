"""Give every Robyn response an X-Request-ID with before- and after-request middlewares."""

import re
import uuid

from robyn import Request, Response, Robyn

app = Robyn(__file__)
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@app.before_request()
def assign_request_id(request: Request) -> Request:
    if not WELL_FORMED_ID.fullmatch(request.headers.get("X-Request-ID") or ""):
        request.headers.set("X-Request-ID", str(uuid.uuid4()))
    return request


# Global after-request middlewares also run on Robyn's own 404 answers.
@app.after_request()
def echo_request_id(request: Request, response: Response) -> Response:
    response.headers.set("X-Request-ID", request.headers.get("X-Request-ID"))
    return response


@app.get("/")
def show_request_id(request: Request) -> dict[str, str | None]:
    return {"request_id": request.headers.get("X-Request-ID")}


@app.get("/boom")
def boom(request: Request) -> None:
    raise RuntimeError("boom")


if __name__ == "__main__":
    # start() also serves OpenAPI docs at /docs and /openapi.json, unless run with --disable-openapi.
    app.start()
