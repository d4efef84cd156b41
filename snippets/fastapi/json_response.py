"""Return a JSON object from FastAPI."""

from fastapi import FastAPI

app = FastAPI()


@app.get("/")
async def hello() -> dict[str, str]:
    return {"message": "Hello, world!", "framework": "fastapi"}
