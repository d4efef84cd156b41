"""Give every Quart response an X-Request-ID with before and after request hooks."""

import uuid

from quart import Quart, Response, g, request

app = Quart(__name__)


@app.before_request
async def assign_request_id() -> None:
    g.request_id = request.headers.get("X-Request-ID") or str(uuid.uuid4())


# After-request functions also run on responses made by error handlers, such as the 404.
@app.after_request
async def send_request_id(response: Response) -> Response:
    response.headers["X-Request-ID"] = g.request_id
    return response


@app.get("/")
async def show_request_id() -> dict[str, str]:
    return {"request_id": g.request_id}
