"""Answer with a plain-text greeting from Muffin."""

from muffin import Application, Request, ResponseText

app = Application()


@app.route("/")
async def hello(request: Request) -> ResponseText:
    # A returned str would be sent as HTML, so the plain-text response is explicit.
    return ResponseText("Hello, world!")
