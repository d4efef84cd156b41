"""Give every Quart response an X-Request-ID with before and after request hooks."""

import re
import uuid

from quart import Quart, Response, g, request

app = Quart(__name__)
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@app.before_request
async def assign_request_id() -> None:
    given = request.headers.get("X-Request-ID", "")
    g.request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())


# After-request functions also run on responses made by error handlers, such as the 404, the 405 and a failing view's 500.
@app.after_request
async def send_request_id(response: Response) -> Response:
    response.headers["X-Request-ID"] = g.request_id
    return response


@app.get("/")
async def show_request_id() -> dict[str, str]:
    return {"request_id": g.request_id}


@app.get("/boom")
async def boom() -> None:
    raise RuntimeError("boom")
