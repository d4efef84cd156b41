"""Give every Emmett response an X-Request-ID with a pipe that also hands the value to the route."""

import re
import uuid

from emmett import App, Pipe, request, response
from emmett.tools import service

app = App(__name__)
WELL_FORMED_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


def assign_request_id() -> str:
    given = request.headers.get("x-request-id", "")
    request_id = given if WELL_FORMED_ID.fullmatch(given) else str(uuid.uuid4())
    response.headers["x-request-id"] = request_id
    return request_id


class RequestIDPipe(Pipe):
    async def pipe_request(self, next_pipe, **kwargs):
        # Headers set on the response survive errors raised further down the pipeline.
        return await next_pipe(request_id=assign_request_id(), **kwargs)


app.pipeline = [RequestIDPipe()]


# Paths that match no route never enter the pipeline, so their 404 handler tags them itself.
@app.on_error(404)
async def not_found() -> str:
    assign_request_id()
    return "Not found"


@app.route("/", methods="get")
@service.json
async def show_request_id(request_id: str) -> dict[str, str]:
    return {"request_id": request_id}


@app.route("/boom", methods="get")
async def boom(request_id: str) -> None:
    raise RuntimeError("boom")
