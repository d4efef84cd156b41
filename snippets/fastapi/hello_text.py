"""Return a plain-text greeting from FastAPI."""

from fastapi import FastAPI
from fastapi.responses import PlainTextResponse

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()


@app.get("/", response_class=PlainTextResponse)
async def hello() -> str:
    return "Hello, world!"
