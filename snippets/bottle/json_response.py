"""Answer GET / with a JSON object from Bottle, whose JSON plugin serialises a returned dict."""

from bottle import Bottle

app = Bottle()


@app.get("/")
def hello() -> dict[str, str]:
    return {"message": "Hello, world!", "framework": "bottle"}
