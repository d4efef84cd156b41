"""Read a required and a bounded, defaulted query parameter in FastAPI."""

from typing import Annotated

from fastapi import FastAPI, Query

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()


@app.get("/search")
async def search(q: str, limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, str | int]:
    return {"q": q, "limit": limit}
