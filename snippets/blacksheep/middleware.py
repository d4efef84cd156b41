"""Give every response an X-Request-ID with a BlackSheep middleware."""

import re
import uuid
from collections.abc import Awaitable, Callable

from blacksheep import Application, Request, Response, get, json

app = Application()
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


async def request_id_middleware(request: Request, handler: Callable[[Request], Awaitable[Response]]) -> Response:
    given = (request.get_first_header(b"X-Request-ID") or b"").decode("latin-1")
    request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())
    request.request_id = request_id  # BlackSheep requests accept extra attributes for handlers to read.
    try:
        response = await handler(request)
    except Exception as exc:
        # Errors such as the fallback route's NotFound arrive as exceptions; turning them into their
        # response here, as BlackSheep's own CORS middleware does, lets the header reach them too.
        response = await app.handle_request_handler_exception(request, exc)
    response.set_header(b"X-Request-ID", request_id.encode())
    return response


app.middlewares.append(request_id_middleware)


@get("/")
async def show_request_id(request: Request) -> Response:
    return json({"request_id": request.request_id})


@get("/boom")
async def boom() -> Response:
    raise RuntimeError("boom")
