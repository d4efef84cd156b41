"""Allow cross-origin requests from one origin with FastAPI's CORS middleware."""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

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
