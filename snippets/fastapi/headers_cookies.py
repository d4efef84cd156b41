"""Read a request header and a cookie, and set a cookie, in FastAPI."""

from typing import Annotated

from fastapi import Cookie, FastAPI, Header, Response

# FastAPI also serves the OpenAPI schema at /openapi.json and docs pages at /docs and /redoc (openapi_url=None turns them off).
app = FastAPI()


@app.get("/whoami")
async def whoami(
    response: Response,
    x_client: Annotated[str | None, Header()] = None,
    hint: Annotated[str | None, Cookie()] = None,
) -> dict[str, str | None]:
    response.set_cookie("visited", "yes", path="/", secure=True, httponly=True, samesite="lax")
    return {"client": x_client, "hint": hint}
