"""Answer with a JSON object from Muffin."""

from muffin import Application, Request

app = Application()


@app.route("/")
async def hello(request: Request) -> dict[str, str]:
    return {"message": "Hello, world!", "framework": "muffin"}
