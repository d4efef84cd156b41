"""Give every response an X-Request-ID with Sanic request and response middleware."""

from uuid import uuid4

from sanic import HTTPResponse, Request, Sanic, json

app = Sanic("Middleware")


@app.on_request
async def assign_request_id(request: Request) -> None:
    request.ctx.request_id = request.headers.get("X-Request-ID") or str(uuid4())


@app.on_response
async def send_request_id(request: Request, response: HTTPResponse) -> None:
    response.headers["X-Request-ID"] = request.ctx.request_id


@app.get("/")
async def show_request_id(request: Request) -> HTTPResponse:
    return json({"request_id": request.ctx.request_id})
