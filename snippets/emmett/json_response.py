"""Return a JSON object from Emmett with its JSON service."""

from emmett import App
from emmett.tools import service

app = App(__name__)


@app.route("/", methods="get")
@service.json
async def hello() -> dict[str, str]:
    return {"message": "Hello, world!", "framework": "emmett"}
