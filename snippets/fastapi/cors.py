"""Allow cross-origin requests from one origin with FastAPI's CORS middleware."""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()
app.add_middleware(
    CORSMiddleware,
    allow_origins=["https://app.example.com"],
    allow_methods=["GET", "POST"],
    allow_headers=["Content-Type"],
)


@app.get("/items")
async def list_items() -> list[dict[str, str]]:
    return []
