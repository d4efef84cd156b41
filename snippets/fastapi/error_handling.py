"""Answer unknown paths and unhandled exceptions with JSON errors in FastAPI."""

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()


@app.exception_handler(404)
async def not_found(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": "not found"}, status_code=404)


@app.exception_handler(Exception)
async def server_error(request: Request, exc: Exception) -> JSONResponse:
    # The exception is still logged by the server; the client only learns that something failed.
    return JSONResponse({"error": "internal server error"}, status_code=500)


@app.get("/boom")
async def boom() -> None:
    raise RuntimeError("secret detail")
