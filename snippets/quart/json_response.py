"""Answer GET / with a JSON object from Quart."""

from quart import Quart

app = Quart(__name__)


@app.get("/")
async def hello() -> dict[str, str]:
    return {"message": "Hello, world!", "framework": "quart"}
