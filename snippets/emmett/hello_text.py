"""Return a plain-text greeting from Emmett."""

from emmett import App, response

app = App(__name__)


@app.route("/", methods="get")
async def hello() -> str:
    # A str is sent as text/plain without a charset unless the header says otherwise.
    response.headers["content-type"] = "text/plain; charset=utf-8"
    return "Hello, world!"
