"""Read a header and a cookie, and set a cookie, in Emmett."""

from emmett import App, request, response
from emmett.tools import service

app = App(__name__)


@app.route("/whoami", methods="get")
@service.json
async def whoami() -> dict[str, str | None]:
    hint = request.cookies.get("hint")
    response.cookies["visited"] = "yes"
    response.cookies["visited"]["path"] = "/"
    response.cookies["visited"]["secure"] = True
    response.cookies["visited"]["httponly"] = True
    response.cookies["visited"]["samesite"] = "Lax"
    return {"client": request.headers.get("x-client"), "hint": hint.value if hint else None}
