"""Return a JSON object from FastAPI."""

from fastapi import FastAPI

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()


@app.get("/")
async def hello() -> dict[str, str]:
    return {"message": "Hello, world!", "framework": "fastapi"}
