"""Answer GET / with plain text from Bottle."""

from bottle import Bottle, response

app = Bottle()


@app.get("/")
def hello() -> str:
    # Bottle labels returned strings as HTML unless the response says otherwise.
    response.content_type = "text/plain; charset=utf-8"
    return "Hello, world!"
